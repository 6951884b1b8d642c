package daktela

// The request factory: the seven builders of the PHP connector's RequestFactory.

// BuildReadRequest returns a request that reads one page of model's records
// (RequestFactory::buildReadRequest).
func BuildReadRequest(model string) *ReadRequest { return NewReadRequest(model) }

// BuildReadMultipleRequest is BuildReadRequest, under the PHP connector's other name.
func BuildReadMultipleRequest(model string) *ReadRequest { return NewReadRequest(model) }

// BuildReadSingleRequest returns a request that reads the record of model named name.
func BuildReadSingleRequest(model, name string) *ReadRequest {
	return NewReadRequest(model).SetRequestType(TypeSingle).SetObjectName(name)
}

// BuildReadRelationRequest returns a request that reads the records of relation of the
// record of model named name, e.g. ("CampaignsRecords", "records_5fa2…", "activities").
func BuildReadRelationRequest(model, name, relation string) *ReadRequest {
	return NewReadRequest(model).SetObjectName(name).SetRelation(relation)
}

// BuildCreateRequest returns a request that creates a record of model.
func BuildCreateRequest(model string) *CreateRequest { return NewCreateRequest(model) }

// BuildUpdateRequest returns a request that updates a record of model; name it with
// SetObjectName.
func BuildUpdateRequest(model string) *UpdateRequest { return NewUpdateRequest(model) }

// BuildDeleteRequest returns a request that deletes a record of model; name it with
// SetObjectName.
func BuildDeleteRequest(model string) *DeleteRequest { return NewDeleteRequest(model) }
