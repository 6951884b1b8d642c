daktela.client().getApiCommunicator().setRequestTimeout("soon")
