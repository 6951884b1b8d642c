// Type declarations for dkscript scripts: the daktela module, the helper modules (fs, csv,
// path, dates, util) and the globals (console, process, timers, sleep, require).
// Written by `dkscript types`; with the jsconfig.json beside it, editors complete names,
// show these comments on hover and check calls in .js files (add // @ts-check to a file,
// or keep "checkJs": true). Scripts are plain JavaScript run by goja: nothing here is
// needed to run them.

// ---------------------------------------------------------------------------------------
// The daktela module: the global daktela, or require("daktela").
// ---------------------------------------------------------------------------------------

declare module "daktela" {
  /** A record as the API returns it: field names to values (strings, numbers, nested relation records, arrays). Records keep the server's key order and may be changed by the script. */
  export type DaktelaRecord = { [field: string]: any };

  /** How many more levels of related records a record's links expand to. A read's own records are at 3: their links are the related records (at 2), whose links are records (at 1), whose links are records (at 0), whose links are names, as the API expands them. */
  export type Depth = 0 | 1 | 2 | 3;

  /** One level less than D. */
  export type Less<D extends Depth> = D extends 3 ? 2 : D extends 2 ? 1 : 0;

  /** A link of a record at depth D: the related record R, or at depth 0 the related record's name K (a number for models whose key the server counts up). */
  export type Link<D extends Depth, R, K = string> = D extends 0 ? K : R;

  /** The record type of model M: the catalogue's interface (Models), the first letter's case aside; DaktelaRecord for a model the catalogue does not know. */
  export type RecordOf<M> = M extends keyof Models ? Models[M] : M extends string ? (Capitalize<M> extends keyof Models ? Models[Capitalize<M>] : DaktelaRecord) : DaktelaRecord;

  /** What a create or update of model M writes: its records' fields and the write-only attributes of ModelWrites (a ticket's comment). */
  export type WriteOf<M> = RecordOf<M> & (M extends keyof ModelWrites ? ModelWrites[M] : {});

  /** The relations buildReadRelationRequest offers for model M (any string for a model without known relations). */
  export type RelationName<M> = M extends keyof ModelRelations ? keyof ModelRelations[M] | (string & {}) : string;

  /** The record type relation R of model M lists. */
  export type RelationRecord<M, R> = M extends keyof ModelRelations ? (R extends keyof ModelRelations[M] ? ModelRelations[M][R] : DaktelaRecord) : DaktelaRecord;

  /** The field names T declares (without an index signature's string). */
  export type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 } & string;

  /** A field's value with null left out, and a list's element. */
  export type FieldTarget<V> = NonNullable<V> extends readonly (infer E)[] ? NonNullable<E> : NonNullable<V>;

  /** The fields of T that hold records or objects (links, custom fields, JSON). */
  export type NestedKeys<T> = { [K in KnownKeys<T>]-?: FieldTarget<T[K]> extends string | number | boolean ? never : K }[KnownKeys<T>];

  /** The dotted paths into field K whose value is V: a record's fields and one more level ("queue.title", "contact.account.name"), any key of custom fields or JSON ("customFields.email"). */
  export type SubPath<K extends string, V> = 0 extends (1 & V) ? `${K}.${string}` : V extends string | number | boolean ? never : string extends keyof V ? `${K}.${string}` : `${K}.${KnownKeys<V>}` | `${K}.${NestedKeys<V>}.${string}`;

  /** The names a filter, sort or field list of records T may use: T's fields, dotted paths into its links ("queue.title"), any key of its custom fields ("customFields.order_id"). Any string for DaktelaRecord (an unknown model) and for the models whose fields the catalogue lists in part. */
  export type FieldPath<T> = KnownKeys<T> | { [K in KnownKeys<T>]-?: SubPath<K, FieldTarget<T[K]>> }[KnownKeys<T>] | (string extends keyof T ? (string & {}) : never);

  /** What a create or update may set a field of read type V to: a link as the related record's name (or the record read), a list of links as names, custom fields as {key: values}, a datetime also as a Date; null clears a field. */
  export type AttributeValue<V> = 0 extends (1 & V) ? JsonValue | Date : V extends undefined ? never : V extends null ? null : V extends string ? (string extends V ? string | Date : V) : V extends number | boolean ? V : V extends readonly (infer E)[] ? AttributeValue<E>[] : V extends { [key: string]: string[] } ? { [key: string]: string | string[] } : string | number | V;

  /** The attributes a create or update of records T may set: T's fields with the values AttributeValue allows (any key for DaktelaRecord and for models the catalogue lists in part). */
  export type Attributes<T> = { [K in KnownKeys<T>]?: AttributeValue<T[K]> } & (string extends keyof T ? { [key: string]: JsonValue | Date | undefined } : {});

  /** The attribute names of records T whose values may be of type V (any name for DaktelaRecord). */
  export type AttributeKey<T, V = any> = { [K in KnownKeys<T>]-?: [Extract<AttributeValue<T[K]>, V>] extends [never] ? never : K }[KnownKeys<T>] | (string extends keyof T ? (string & {}) : never);

  /** The values of type V attribute K of records T may hold. */
  export type AttributeOf<T, K, V = JsonValue | Date> = K extends KnownKeys<T> ? Extract<AttributeValue<T[K]>, V> : V;

  /** A read request type: the value of ReadRequest.TYPE_MULTIPLE ("multiple", one page), TYPE_SINGLE ("single", one record by name) or TYPE_ALL ("all", every page). PHP's numbers 0, 1 and 2 are accepted too. */
  export type ReadType = "multiple" | "single" | "all";

  /** A filter operator the Daktela API accepts. in and notin take an array of values; isnull and isnotnull take none. begins, notbegins, ends and notends are aliases of startswith and endswith. */
  export type FilterOperator = "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "like" | "notlike" | "contains" | "doesnotcontain" | "startswith" | "endswith" | "isnull" | "isnotnull" | "in" | "notin" | "begins" | "notbegins" | "ends" | "notends";

  /** A filter value: a string, a number, a boolean, a Date (sent as "YYYY-MM-DD HH:MM:SS" in the instance's time zone), null (isnull, isnotnull) or an array of strings, numbers and Dates (in, notin). */
  export type FilterValue = string | number | boolean | Date | null | Array<string | number | Date>;

  /** One filter condition in object form, as in PHP's ["field" => ..., "operator" => ..., "value" => ...]. F is the field names the request's model allows (any string by default). */
  export interface FilterCondition<F extends string = string> {
    /** The field, also a dotted path into relations or custom fields ("user.title", "customFields.email"). */
    field: F;
    /** The comparison. */
    operator: FilterOperator;
    /** What to compare with; left out for isnull and isnotnull. */
    value?: FilterValue;
    /** Compare strings case-insensitively. */
    ignoreCase?: boolean;
  }

  /** A group of filters combined with and (the default) or or; groups nest to any depth. */
  export interface FilterGroup<F extends string = string> {
    /** How the filters combine; default "and". */
    logic?: "and" | "or";
    /** The conditions and nested groups. */
    filters: FilterItem<F>[];
  }

  /** One item of a filter array: a {field, operator, value} object, a positional [field, operator, value] triplet, or a nested group. */
  export type FilterItem<F extends string = string> = FilterCondition<F> | [F, FilterOperator, FilterValue?] | FilterGroup<F>;

  /** A sort key as getSorts() returns it. */
  export interface SortSpec {
    /** The field sorted on. */
    field: string;
    /** "asc" or "desc". */
    dir: string;
  }

  /** A JSON value an attribute may hold. */
  export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

  /** The request types every request shares: PHP's executed flag and stored response. */
  export interface RequestState {
    /** The model (the API's object type), e.g. "Users", "CampaignsRecords". */
    getModel(): string;
    /** Whether the request is marked executed (PHP's flag). */
    isExecuted(): boolean;
    /** Marks the request executed or not; an executed request with a stored response is not sent again by execute, which returns that response. */
    setExecuted(executed: boolean): this;
    /** Stores a response on the request (PHP's setResponse). */
    setResponse(response: Response): this;
    /** The stored response, or null. */
    getResponse(): Response | null;
  }

  /**
   * A read: one page (TYPE_MULTIPLE, the default), one record by name (TYPE_SINGLE) or every page
   * (TYPE_ALL). Every setter returns the request, so calls chain:
   * daktela.buildReadRequest("Users").addFilter("name", "eq", "admin").setTake(10)
   *
   * T is the record type (User for a read of "Users"; DaktelaRecord for a model the catalogue
   * does not know), which types the field names addFilter, addSort and setFields take; S is what
   * the Response's data holds: T[], or one T for a single read.
   */
  export class ReadRequest<T = DaktelaRecord, S = DaktelaRecord extends T ? any : T[]> implements RequestState {
    /** Makes a read of model (prefer daktela.buildReadRequest, which types the records). */
    constructor(model: string);
    /** Read one page: take (default 100, at most 1000) records from skip. */
    static readonly TYPE_MULTIPLE: "multiple";
    /** Read one record by name (setObjectName). */
    static readonly TYPE_SINGLE: "single";
    /** Read every page: the pages after the first are fetched concurrently once the first gives the total. */
    static readonly TYPE_ALL: "all";
    /** Adds a condition, combined with the others by and. operator is checked at once (a misspelt operator throws a TypeError naming it). value may be left out for isnull and isnotnull. */
    addFilter(field: FieldPath<T>, operator: FilterOperator, value?: FilterValue): this;
    /** Adds filters in any PHP form: [field, operator, value] triplets, {field, operator, value} objects, and {logic: "or", filters: [...]} groups, combined with the filters already added by and. As in PHP, an or group given to a request with no filters is sent as the top-level group itself (filter[logic]=or); anything added next nests it. A mistake names the index path and adds nothing. */
    addFilterFromArray(filters: FilterItem<FieldPath<T>>[] | FilterGroup<FieldPath<T>>): this;
    /** Adds a sort key; dir is "asc" (default) or "desc". */
    addSort(field: FieldPath<T>, dir?: "asc" | "desc" | "ASC" | "DESC"): this;
    /** Asks only for these fields (dotted paths keep parts of relations). */
    setFields(fields: FieldPath<T>[]): this;
    /** Page size from 1 to 1000 (the API's default is 100). */
    setTake(take: number): this;
    /** How many records to skip (0 or more). */
    setSkip(skip: number): this;
    /** With TYPE_ALL: skip pages that fail instead of throwing (default false). */
    setSkipErrorRequests(skip: boolean): this;
    /** The record's name, for TYPE_SINGLE and relation reads. */
    setObjectName(objectName: string | number): this;
    /** A relation of the named record to read, e.g. "activities". */
    setRelation(relation: string): this;
    /** TYPE_MULTIPLE, TYPE_SINGLE or TYPE_ALL (or PHP's 0, 1, 2); anything else throws UnknownRequestTypeException. */
    setRequestType(type: "single" | 1): ReadRequest<T, T>;
    /** TYPE_MULTIPLE or TYPE_ALL (or PHP's 0, 2): the data is a list of records. */
    setRequestType(type: "multiple" | "all" | 0 | 2): ReadRequest<T, T[]>;
    /** Any request type. */
    setRequestType(type: ReadType | 0 | 1 | 2): ReadRequest<T, T | T[]>;
    /** Adds a query parameter the builder has no method for (sent as PHP's http_build_query would). */
    addAdditionalQueryParameter(key: string, value: JsonValue): this;
    /** The filters as PHP's getFilters shows them: {logic: "and", filters: [...]}, or {logic: "or", filters: [...]} while the only filter is an or group. */
    getFilters(): FilterGroup;
    /** The sort keys in order. */
    getSorts(): SortSpec[];
    /** The fields set by setFields. */
    getFields(): FieldPath<T>[];
    /** The page size. */
    getTake(): number;
    /** The records skipped. */
    getSkip(): number;
    /** Whether failing pages are skipped (TYPE_ALL). */
    isSkipErrorRequests(): boolean;
    /** Same as isSkipErrorRequests. */
    getSkipErrorRequests(): boolean;
    /** The record's name, or null. */
    getObjectName(): string | null;
    /** The relation, or null. */
    getRelation(): string | null;
    /** "multiple", "single" or "all". */
    getRequestType(): ReadType;
    /** The additional query parameters as an object. */
    getAdditionalQueryParameters(): { [key: string]: any };
    /** The model read, e.g. "Users". */
    getModel(): string;
    /** Whether the request is marked executed (PHP's flag). */
    isExecuted(): boolean;
    /** Marks the request executed; an executed request with a stored response is not sent again. */
    setExecuted(executed: boolean): this;
    /** Stores a response on the request. */
    setResponse(response: Response<S>): this;
    /** The stored response, or null. */
    getResponse(): Response<S> | null;
  }

  /** The object ReadRequest's constants are also on, under the name the PHP README uses by mistake (RequestType::TYPE_SINGLE). */
  export namespace RequestType {
    /** "multiple": one page. */
    const TYPE_MULTIPLE: "multiple";
    /** "single": one record by name. */
    const TYPE_SINGLE: "single";
    /** "all": every page. */
    const TYPE_ALL: "all";
  }

  /**
   * A create (POST). Attributes are type-checked as they are added: addIntAttribute("queue", "a")
   * throws a TypeError naming the method and the argument.
   */
  export class CreateRequest<T = DaktelaRecord> implements RequestState {
    /** Makes a create of model (prefer daktela.buildCreateRequest). */
    constructor(model: string);
    /** Sets attribute key to any JSON value. A Date, here or inside an array or object, is sent as the API writes times: "YYYY-MM-DD HH:MM:SS" in the instance's time zone (never JSON's ISO form, which the API refuses). */
    addAttribute<K extends AttributeKey<T>>(key: K, value: AttributeOf<T, K>): this;
    /** Sets a string attribute. */
    addStringAttribute<K extends AttributeKey<T, string>>(key: K, value: AttributeOf<T, K, string>): this;
    /** Sets an integer attribute (a non-integer throws). */
    addIntAttribute<K extends AttributeKey<T, number>>(key: K, value: AttributeOf<T, K, number>): this;
    /** Sets a number attribute. */
    addFloatAttribute<K extends AttributeKey<T, number>>(key: K, value: AttributeOf<T, K, number>): this;
    /** Sets a number attribute (same as addFloatAttribute). */
    addDoubleAttribute<K extends AttributeKey<T, number>>(key: K, value: AttributeOf<T, K, number>): this;
    /** Sets a boolean attribute. */
    addBoolAttribute<K extends AttributeKey<T, boolean>>(key: K, value: boolean): this;
    /** Sets an array attribute: a list, or an object of keys and values as PHP's associative array (e.g. customFields: {number: ["+420 226 211 245"]}). */
    addArrayAttribute(key: AttributeKey<T, object>, value: JsonValue[] | { [key: string]: JsonValue }): this;
    /** Sets every key of attributes; null values are skipped unless includeNull (default false), undefined ones always. A bad value adds nothing. */
    addAttributes(attributes: Attributes<T>, includeNull?: boolean): this;
    /** Adds a query parameter to the request's URL (sent as PHP's http_build_query would: lists and objects as bracketed keys, booleans as 1/0); the attributes stay in the body. An empty key or a value that is not JSON throws at once. */
    addAdditionalQueryParameter(key: string, value: JsonValue): this;
    /** The additional query parameters as an object (a key given twice holds its last value, the one sent). */
    getAdditionalQueryParameters(): { [key: string]: any };
    /** The attributes set so far, as an object in the order they were added. */
    getAttributes(): { [key: string]: any };
    /** The model written, e.g. "CampaignsRecords". */
    getModel(): string;
    /** Whether the request is marked executed (PHP's flag). */
    isExecuted(): boolean;
    /** Marks the request executed; an executed request with a stored response is not sent again. */
    setExecuted(executed: boolean): this;
    /** Stores a response on the request. */
    setResponse(response: Response<T>): this;
    /** The stored response, or null. */
    getResponse(): Response<T> | null;
  }

  /** An update (PUT) of the record named by setObjectName; attributes as CreateRequest. Without a name, execute throws NotFoundException before sending anything. */
  export class UpdateRequest<T = DaktelaRecord> implements RequestState {
    /** Makes an update of model (prefer daktela.buildUpdateRequest). */
    constructor(model: string);
    /** The name of the record to update. */
    setObjectName(objectName: string | number): this;
    /** The name of the record to update ("" when unset). */
    getObjectName(): string;
    /** Sets attribute key to any JSON value. */
    addAttribute<K extends AttributeKey<T>>(key: K, value: AttributeOf<T, K>): this;
    /** Sets a string attribute. */
    addStringAttribute<K extends AttributeKey<T, string>>(key: K, value: AttributeOf<T, K, string>): this;
    /** Sets an integer attribute (a non-integer throws). */
    addIntAttribute<K extends AttributeKey<T, number>>(key: K, value: AttributeOf<T, K, number>): this;
    /** Sets a number attribute. */
    addFloatAttribute<K extends AttributeKey<T, number>>(key: K, value: AttributeOf<T, K, number>): this;
    /** Sets a number attribute (same as addFloatAttribute). */
    addDoubleAttribute<K extends AttributeKey<T, number>>(key: K, value: AttributeOf<T, K, number>): this;
    /** Sets a boolean attribute. */
    addBoolAttribute<K extends AttributeKey<T, boolean>>(key: K, value: boolean): this;
    /** Sets an array attribute: a list, or an object of keys and values as PHP's associative array (e.g. customFields: {number: ["+420 226 211 245"]}). */
    addArrayAttribute(key: AttributeKey<T, object>, value: JsonValue[] | { [key: string]: JsonValue }): this;
    /** Sets every key of attributes; null values are skipped unless includeNull (default false). */
    addAttributes(attributes: Attributes<T>, includeNull?: boolean): this;
    /** Adds a query parameter to the request's URL (sent as PHP's http_build_query would: lists and objects as bracketed keys, booleans as 1/0); the attributes stay in the body. An empty key or a value that is not JSON throws at once. */
    addAdditionalQueryParameter(key: string, value: JsonValue): this;
    /** The additional query parameters as an object (a key given twice holds its last value, the one sent). */
    getAdditionalQueryParameters(): { [key: string]: any };
    /** The attributes set so far. */
    getAttributes(): { [key: string]: any };
    /** The model written. */
    getModel(): string;
    /** Whether the request is marked executed (PHP's flag). */
    isExecuted(): boolean;
    /** Marks the request executed; an executed request with a stored response is not sent again. */
    setExecuted(executed: boolean): this;
    /** Stores a response on the request. */
    setResponse(response: Response<T>): this;
    /** The stored response, or null. */
    getResponse(): Response<T> | null;
  }

  /** A delete (DELETE) of the record named by setObjectName. Without a name, execute throws NotFoundException before sending anything. */
  export class DeleteRequest implements RequestState {
    /** Makes a delete of model (prefer daktela.buildDeleteRequest). */
    constructor(model: string);
    /** The name of the record to delete. */
    setObjectName(objectName: string | number): this;
    /** The name of the record to delete ("" when unset). */
    getObjectName(): string;
    /** Adds a query parameter to the request's URL (sent as PHP's http_build_query would: lists and objects as bracketed keys, booleans as 1/0). An empty key or a value that is not JSON throws at once. */
    addAdditionalQueryParameter(key: string, value: JsonValue): this;
    /** The additional query parameters as an object (a key given twice holds its last value, the one sent). */
    getAdditionalQueryParameters(): { [key: string]: any };
    /** The model. */
    getModel(): string;
    /** Whether the request is marked executed (PHP's flag). */
    isExecuted(): boolean;
    /** Marks the request executed; an executed request with a stored response is not sent again. */
    setExecuted(executed: boolean): this;
    /** Stores a response on the request. */
    setResponse(response: Response): this;
    /** The stored response, or null. */
    getResponse(): Response | null;
  }

  /** Any request execute takes. */
  export type Request = ReadRequest<any, any> | CreateRequest<any> | UpdateRequest<any> | DeleteRequest;

  /** The Response execute gives for request Q: its records for a read, the record saved for a create or update, null for a delete. */
  export type ResponseTo<Q> = Q extends ReadRequest<any, infer S> ? Response<S> : Q extends CreateRequest<infer T> ? Response<T> : Q extends DeleteRequest ? Response<null> : Response;

  /** The seven PHP builders; the same functions are also directly on daktela (daktela.buildReadRequest). */
  export namespace RequestFactory {
    /** A read of model: one page (TYPE_MULTIPLE) until setRequestType changes it. */
    function buildReadRequest<M extends ModelName>(model: M): ReadRequest<RecordOf<M>>;
    /** A read of one page of model. */
    function buildReadMultipleRequest<M extends ModelName>(model: M): ReadRequest<RecordOf<M>>;
    /** A read of the record objectName of model. */
    function buildReadSingleRequest<M extends ModelName>(model: M, objectName: string | number): ReadRequest<RecordOf<M>, RecordOf<M>>;
    /** A read of relation of the record objectName, e.g. ("Tickets", "1001", "activities"). */
    function buildReadRelationRequest<M extends ModelName, R extends RelationName<M>>(model: M, objectName: string | number, relation: R): ReadRequest<RelationRecord<M, R>>;
    /** A create of a model record. */
    function buildCreateRequest<M extends ModelName>(model: M): CreateRequest<WriteOf<M>>;
    /** An update of a model record (name it with setObjectName). */
    function buildUpdateRequest<M extends ModelName>(model: M): UpdateRequest<WriteOf<M>>;
    /** A delete of a model record (name it with setObjectName). */
    function buildDeleteRequest<M extends ModelName>(model: M): DeleteRequest;
  }

  /** A read of model: one page (TYPE_MULTIPLE) until setRequestType changes it. */
  export function buildReadRequest<M extends ModelName>(model: M): ReadRequest<RecordOf<M>>;
  /** A read of one page of model. */
  export function buildReadMultipleRequest<M extends ModelName>(model: M): ReadRequest<RecordOf<M>>;
  /** A read of the record objectName of model. */
  export function buildReadSingleRequest<M extends ModelName>(model: M, objectName: string | number): ReadRequest<RecordOf<M>, RecordOf<M>>;
  /** A read of relation of the record objectName, e.g. ("Tickets", "1001", "activities"). */
  export function buildReadRelationRequest<M extends ModelName, R extends RelationName<M>>(model: M, objectName: string | number, relation: R): ReadRequest<RelationRecord<M, R>>;
  /** A create of a model record. */
  export function buildCreateRequest<M extends ModelName>(model: M): CreateRequest<WriteOf<M>>;
  /** An update of a model record (name it with setObjectName). */
  export function buildUpdateRequest<M extends ModelName>(model: M): UpdateRequest<WriteOf<M>>;
  /** A delete of a model record (name it with setObjectName). */
  export function buildDeleteRequest<M extends ModelName>(model: M): DeleteRequest;

  /**
   * What execute returns for a 2xx answer (other answers throw a RequestException). D is what
   * getData() holds: an array of records for a list read, one record for a single read, create or
   * update, null for a delete or when there is none.
   */
  export class Response<D = any> {
    /** Responses come from client.execute; the constructor throws. */
    private constructor();
    /** Same as getData(): the same array or object every time, so changes stay. */
    readonly data: D;
    /** Same as getTotal(). */
    readonly total: number;
    /** Same as getErrors(). */
    readonly errors: any[];
    /** Same as getHttpStatus(). */
    readonly httpStatus: number;
    /** Same as isDryRun(). */
    readonly dryRun: boolean;
    /** The records (a list read), the record (single read, create, update), or null. */
    getData(): D;
    /** The total the server reports (all matching records, not just this page); 1 for one record (single read, create, update), as in PHP. */
    getTotal(): number;
    /** The API's error member (empty on success; TYPE_ALL with setSkipErrorRequests collects skipped pages' errors). */
    getErrors(): any[];
    /** The HTTP status. */
    getHttpStatus(): number;
    /** Whether the status is 2xx. */
    isSuccess(): boolean;
    /** Whether errors is not empty. */
    hasErrors(): boolean;
    /** The first error message, or null. */
    getFirstError(): string | null;
    /** Whether there is no data. */
    isEmpty(): boolean;
    /** Whether the write was not sent (dkscript --dry-run). The response is what the server would plausibly answer: a create 201 with the attributes sent, a name (dryrun_<model>_<n> unless one was sent) and _sys; an update 200 with the attributes merged over a read of the record; a delete 204; a merge 200 with a read of the first record. Later reads do not show the held-back writes. */
    isDryRun(): boolean;
    /** The pages a TYPE_ALL read with setSkipErrorRequests(true) skipped, and why. */
    getSkipped(): SkippedPage[];
    /** The answer's _time: the server's clock when it answered, "YYYY-MM-DD HH:MM:SS" in the zone getTimezone() names; null when the answer has none (and for a TYPE_ALL read). */
    getTime(): string | null;
    /** The answer's _timezone: the zone the server read and wrote this request's times in (e.g. "Europe/Prague"); null when the answer has none (and for a TYPE_ALL read). */
    getTimezone(): string | null;
  }

  /** A page a read skipped because it failed (setSkipErrorRequests(true), or iterate's stopOnError: false). */
  export interface SkippedPage {
    /** The skip of the page's request. */
    skip: number;
    /** The take of the page's request. */
    take: number;
    /** Why it failed. */
    error: string;
  }

  /** A lazy iterable with the PHP iterator's helpers; filter and map return new lazy iterables. */
  export interface RecordIterable<T> {
    /** for...of over the items. */
    [Symbol.iterator](): Iterator<T>;
    /** The first item, or null. */
    first(): T | null;
    /** Every item in an array (all in memory). */
    toArray(): T[];
    /** How many items there are (reads them all). */
    count(): number;
    /** Whether there is no item. */
    isEmpty(): boolean;
    /** Calls fn for every item. */
    each(fn: (item: T, index: number) => void): void;
    /** The items fn accepts (lazy). */
    filter(fn: (item: T, index: number) => unknown): RecordIterable<T>;
    /** fn of every item (lazy). */
    map<U>(fn: (item: T, index: number) => U): RecordIterable<U>;
  }

  /**
   * What client.iterate returns: the records of every page, fetched as the loop goes (memory stays
   * flat). A break, a return or a throw out of the loop stops fetching at once. first, toArray,
   * count and isEmpty read only what they need.
   */
  export interface PaginatedIterator<T = DaktelaRecord> extends RecordIterable<T> {
    /** The first record, or null (reads one page). */
    first(): T | null;
    /** Every record in an array. */
    toArray(): T[];
    /** How many records there are. */
    count(): number;
    /** Whether there is no record (reads one page). */
    isEmpty(): boolean;
    /** The pages as Responses, for their totals. */
    pages(): RecordIterable<Response<T[]>>;
    /** The pages the last use of the iterator skipped with stopOnError: false, and why. */
    getSkipped(): SkippedPage[];
  }

  /** client.iterate's options. */
  export interface IterateOptions {
    /** Records per request, 1 to 1000 (default 1000, the API's maximum). */
    pageSize?: number;
    /** Stop after this many records (default 0: all). */
    maxItems?: number;
    /** Throw on a failing page (default true); false skips the page. */
    stopOnError?: boolean;
    /** Pages fetched at once, 1 to 64 (default: the communicator's, 8). */
    concurrency?: number;
  }

  /** client.watch's options. */
  export interface WatchOptions {
    /** The poll interval: a duration such as "30s", "5m" or "1h30m" (default "30s"), or milliseconds. */
    every?: string | number;
    /** A file that keeps the position between runs, saved atomically after the loop body has finished with each record (needs file access). */
    checkpoint?: string;
    /** Where a first run starts: a Date or "YYYY-MM-DD HH:MM:SS" in the instance's zone (default: the server's time when the watch starts). A saved checkpoint wins. */
    since?: string | Date;
    /** The change timestamp, a datetime field (default "edited"; models without it, such as Activities, need one, e.g. "time_close"). */
    field?: string;
    /** How far behind the newest change delivered each poll reads again (default "10s"), for writes committed out of order. */
    overlap?: string | number;
  }

  /**
   * What client.watch returns: an async iterable (for await) of the records created or changed,
   * each in its latest state, for as long as the loop goes on. Asking for the next record
   * acknowledges the last one (the checkpoint is saved); a break acknowledges it too.
   */
  export interface Watch<T = DaktelaRecord> extends AsyncIterable<T> {
    /** The next changed record, when it comes. */
    next(): Promise<IteratorResult<T, undefined>>;
    /** Stops the watch (a break, or a throw out of the loop body: for await calls it on both), acknowledging the record the loop has unless the run then fails with an uncaught error: a body that throws leaves its record for the next run. */
    return(value?: any): Promise<IteratorResult<T, undefined>>;
  }

  /** client.executeAll's and client.executeAllSettled's options. */
  export interface ExecuteAllOptions {
    /** Requests in flight at once, 1 to 64 (default 4). */
    concurrency?: number;
  }

  /** One entry of client.executeAllSettled's result: a request that succeeded. */
  export interface ExecuteFulfilled {
    /** "fulfilled": the request succeeded. */
    status: "fulfilled";
    /** The request's response. */
    value: Response;
    /** The request's place in the list given to executeAllSettled. */
    index: number;
  }

  /** One entry of client.executeAllSettled's result: a request that failed. */
  export interface ExecuteRejected {
    /** "rejected": the request failed, or was not a request. */
    status: "rejected";
    /** Why: a RequestException (or subclass) for a failed request, a TypeError for an element that is not a request or a request built wrong. */
    reason: RequestException | TypeError;
    /** The request's place in the list given to executeAllSettled. */
    index: number;
  }

  /** What executeAll rejects with: the failure of the request that failed first, with its place and how many had completed. */
  export interface ExecuteAllFailure {
    /** The index of the request that failed. */
    index: number;
    /** How many requests had completed successfully (their writes took effect). */
    completed: number;
  }

  /** What healthCheck returns. */
  export interface HealthCheckResult {
    /** Whether the API answered with a 2xx status. */
    healthy: boolean;
    /** How long the check took, in milliseconds. */
    latency_ms: number;
    /** The HTTP status, when an answer arrived. */
    status_code?: number;
    /** Why it failed, when no answer arrived (the token is never in it). */
    error?: string;
  }

  /** Options of downloadRecording and downloadFile. */
  export interface DownloadOptions {
    /** Leave a file already under the final name as it is (it is complete: a download writes to path + ".part" and renames it only once every byte arrived); the result then has skipped true and the file's checksum. */
    skipExisting?: boolean;
    /** downloadFile only: the kind of activity the file belongs to ("activitiesEmail", "activitiesComment", "activitiesWeb", "activitiesFbm", "activitiesWap", "activitiesVbr") when the file object does not say. */
    mapper?: string;
  }

  /** What a download did. */
  export interface DownloadResult {
    /** The file written (or skipped). */
    path: string;
    /** Its size in bytes. */
    bytes: number;
    /** Lowercase hex SHA-256 of the file on disk (also for a skipped one). */
    sha256: string;
    /** The Content-Type the server sent ("" when it sent none, and for a skipped file). */
    contentType: string;
    /** Whether skipExisting found the file already there. */
    skipped: boolean;
  }

  /** One request as the logger set by setLogger gets it. */
  export interface LogEntry {
    /** "debug", "info", "warn" or "error". */
    level: string;
    /** "daktela request", or a note such as dropped entries. */
    message: string;
    /** The HTTP method. */
    method?: string;
    /** The path (the token is never in it). */
    path?: string;
    /** The HTTP status (0 when no answer arrived). */
    status?: number;
    /** How long the attempt took, in milliseconds. */
    durationMs?: number;
    /** The attempt number, 1 for the first. */
    attempt?: number;
    /** The size of the answer's body. */
    bytes?: number;
    /** Why the attempt failed. */
    error?: string;
    /** How many entries were dropped because the logger fell behind. */
    dropped?: number;
  }

  /** A client for one Daktela instance and token. The token is kept in Go: no script can read it. */
  export class Client {
    /** A client for url with token; only when the host allows scripts to make clients (the CLI does). Prefer daktela.client(). */
    constructor(url: string, token: string);
    /** The same as new Client(url, token): the client for url and token. */
    static getInstance(url: string, token: string): Client;
    /** Sends request and returns its Response (blocking): records for a list read, the record for a single read. Non-2xx answers throw: 404 NotFoundException, 429 (not waited out) RateLimitException, others RequestException. */
    execute<S>(request: ReadRequest<any, S>): Response<S>;
    /** Sends a create or update and returns its Response, whose data is the record saved. */
    execute<T>(request: CreateRequest<T> | UpdateRequest<T>): Response<T>;
    /** Sends a delete and returns its Response (data null). */
    execute(request: DeleteRequest): Response<null>;
    /** Sends request on another goroutine; the promise settles with its Response or rejects with the exception execute would throw. The request is copied: later changes do not reach it. */
    executeAsync<Q extends Request>(request: Q): Promise<ResponseTo<Q>>;
    /** Sends requests, at most concurrency (default 4) at once, and resolves with their Responses in order; after the first failure nothing more is started and the promise rejects with it: a RequestException (see ExecuteAllFailure) whose message and properties index and completed say which request failed and how many had completed. */
    executeAll<const Q extends readonly Request[]>(requests: Q, options?: ExecuteAllOptions): Promise<{ -readonly [I in keyof Q]: ResponseTo<Q[I]> }>;
    /** Sends every request, at most concurrency (default 4) at once, past failures, and resolves (never rejects, unless the run is stopped) with one entry per request in order, as Promise.allSettled: {status: "fulfilled", value, index} or {status: "rejected", reason, index}. An element that is not a request is a rejected entry with a TypeError. */
    executeAllSettled(requests: any[], options?: ExecuteAllOptions): Promise<Array<ExecuteFulfilled | ExecuteRejected>>;
    /** Iterates over every record of a read, page by page (default pageSize 1000), fetching ahead concurrently. The loop may update or delete the records it is given: once the client writes to the model read, the rest is read after the last record given (keyset), so each record comes once. Options also positionally: iterate(req, pageSize, maxItems, stopOnError). */
    iterate<T>(request: ReadRequest<T, any>, options?: IterateOptions): PaginatedIterator<T>;
    /** Iterates with PHP's positional options. */
    iterate<T>(request: ReadRequest<T, any>, pageSize?: number, maxItems?: number, stopOnError?: boolean): PaginatedIterator<T>;
    /** Watches request's model for records created or changed from now on (or options.since, or where options.checkpoint says the last run stopped), each delivered once in its latest state, polling every options.every: for await (const t of client.watch(req, {every: "30s", checkpoint: "tickets.json"})). The request's filters narrow what is watched; it may not sort. Failed polls are retried with the retry configuration's backoff and never skip a change; Ctrl-C, --timeout and process.exit stop it with the checkpoint saved. */
    watch<T>(request: ReadRequest<T, any>, options?: WatchOptions): Watch<T>;
    /** The synchronous form: calls callback with each changed record, on the script's thread (timers and promises wait), until it returns false or the run stops; returns how many records it handled. A record the callback throws on is not acknowledged: the next run gets it again. */
    watch<T>(request: ReadRequest<T, any>, options: WatchOptions | undefined, callback: (record: T) => boolean | void): number;
    /** Whether the API answers (a GET of whoim.json with a 2xx status). */
    ping(): boolean;
    /** Checks the API and reports {healthy, latency_ms, status_code} or {healthy, latency_ms, error}. */
    healthCheck(): HealthCheckResult;
    /** The user the token belongs to: whoim.json's answer, whose data is {version, user} (user null without a token). Every token in it (user._sys.accessToken echoes the one used) reads "REDACTED". Retried as reads are; a failure throws as execute does. */
    whoami(): Response<DaktelaRecord>;
    /** Merges the records of model ("Contacts", "Accounts" or "Tickets") named by names, at least two: the server keeps the first and moves what the others held to it, and the Response's data is the merged record. A write: never sent twice (a failure after it may have reached the server throws a RequestException saying the records may be merged already); under --dry-run it is printed, not sent, and answered with a read of the first record (isDryRun() true). A wrong model or fewer than two names throws a TypeError before anything is sent. */
    merge<M extends "Contacts" | "Accounts" | "Tickets">(model: M, names: Array<string | number>): Response<RecordOf<M>>;
    /** Saves the recording of a call activity (its name, an Activities record, or an ActivitiesCall record) to path: GET /file/recording/{activity}, the token in the accessToken query parameter whatever the authentication method (never in a log line, an error or a file name). Streamed to path + ".part", synced and renamed once complete: constant memory, and nothing half-written under path after an error or Ctrl-C. path may be a directory or end in "/": the file then takes the server's name (cleaned of directories) or the activity's name with an extension for the content type. Retried as reads are (a broken answer is resumed or started over). An activity without a recording throws a NotFoundException; an answer that is not audio (the HTML sign-in page a real instance sends with status 200 for a bad token) throws a RequestException and saves nothing. Needs file access (the CLI grants it); relative paths are relative to the working directory. */
    downloadRecording(activity: string | DaktelaRecord, path: string, options?: DownloadOptions): DownloadResult;
    /** downloadRecording on another goroutine, for concurrent downloads: the promise resolves with its result or rejects with what it would throw. */
    downloadRecordingAsync(activity: string | DaktelaRecord, path: string, options?: DownloadOptions): Promise<DownloadResult>;
    /** Saves an attachment to path: POST /file/download.php. file is {mapper, name} (mapper the kind of activity, name the file id) or an attachment record (an e-mail's files, activities/{name}/attachments; its "file" is the id) whose mapper is options.mapper, its own mapper, or follows from its model (an e-mail's files: activitiesEmail). Otherwise as downloadRecording; a directory target takes the server's file name. */
    downloadFile(file: { mapper?: string; name?: string | number; file?: string | number } | DaktelaRecord, path: string, options?: DownloadOptions): DownloadResult;
    /** downloadFile on another goroutine: the promise resolves with its result or rejects with what it would throw. */
    downloadFileAsync(file: { mapper?: string; name?: string | number; file?: string | number } | DaktelaRecord, path: string, options?: DownloadOptions): Promise<DownloadResult>;
    /** Uploads the file at path (POST /file/upload.php?type=save) and returns the name the server stored it under: give it in a ticket create or update's comment_add_files, with a comment, to attach it to that comment. A write: sent once, never retried; under --dry-run it is printed, not sent, and returns "dryrun_upload_<n>". Needs file access. */
    uploadFile(path: string): string;
    /** Removes an upload that was not attached (POST /file/upload.php?type=remove); sent once, printed and not sent under --dry-run. */
    removeUploadedFile(name: string): void;
    /** The client's transport settings (timeout, retries, rate limits, logging). */
    getApiCommunicator(): ApiCommunicator;
    /** The instance URL, normalised (https:// added when missing, no trailing slash). */
    getBaseUrl(): string;
    /** Whether the client is in dry-run mode (dkscript run --dry-run): creates, updates and deletes are printed, not sent, and answered as the server would (see Response.isDryRun). Reads run normally and do not show the held-back writes. */
    isDryRun(): boolean;
  }

  /** A client's transport settings; every setter returns the communicator, so calls chain. A program that embeds dkscript may lock its client's settings: every setter that would change one then throws a TypeError (setting the value in force is allowed); the dkscript CLI never locks. */
  export class ApiCommunicator {
    /** Communicators come from client.getApiCommunicator(); the constructor throws. */
    private constructor();
    /** "header": the token travels in the X-AUTH-TOKEN header (the default, recommended). */
    static readonly AUTHENTICATION_METHOD_HEADER: "header";
    /** "query": the token travels as the accessToken query parameter (it is still redacted from every log and error). */
    static readonly AUTHENTICATION_METHOD_QUERY: "query";
    /** The default answer size limit: 67108864 bytes (64 MiB). */
    static readonly DEFAULT_MAX_RESPONSE_BYTES: number;
    /** Timeout of one HTTP request in seconds, above 0 and at most a year (default 30, not PHP's 2). */
    setRequestTimeout(seconds: number): this;
    /** The request timeout in seconds. */
    getRequestTimeout(): number;
    /** AUTHENTICATION_METHOD_HEADER (default) or AUTHENTICATION_METHOD_QUERY. */
    setAuthenticationMethod(method: "header" | "query"): this;
    /** "header" or "query". */
    getAuthenticationMethod(): "header" | "query";
    /** Whether TLS certificates are verified (default true; never turn it off in production). */
    setVerifySsl(verify: boolean): this;
    /** Appends suffix to the User-Agent header ("dkscript/<version> suffix"); null or "" clears it, as PHP's ?string does. */
    setUserAgentSuffix(suffix: string | null): this;
    /** The User-Agent header sent. */
    getUserAgent(): string;
    /** Calls logger with one entry per HTTP attempt (on the script's thread), in addition to the log the host keeps (--verbose goes on); a second call replaces the script's logger; no argument removes it. */
    setLogger(logger?: (entry: LogEntry) => void): this;
    /** How transient failures are retried: a RetryConfig or its options. Creates are retried only when the request provably never reached the server. */
    setRetryConfig(config: RetryConfig | RetryConfigOptions): this;
    /** The retry settings in force. */
    getRetryConfig(): RetryConfig;
    /** How HTTP 429 answers are handled: a RateLimitConfig or its options. */
    setRateLimitConfig(config: RateLimitConfig | RateLimitConfigOptions): this;
    /** The rate-limit settings in force. */
    getRateLimitConfig(): RateLimitConfig;
    /** Sends at most perSecond requests per second (0, the default: no cap). */
    setRateCap(perSecond: number): this;
    /** Pages fetched at once by TYPE_ALL and iterate, 1 to 64 (default 8). */
    setConcurrency(concurrency: number): this;
    /** Sends timezone (an IANA name such as "Europe/Prague") as the x-timezone-client header of every request, so the server reads and writes times in that zone; null stops it. An unknown zone throws a TypeError. It does not change the zone Dates in requests are written in: that is the run's (--timezone). */
    setTimezone(timezone: string | null): this;
    /** The zone sent as x-timezone-client (dkscript's --timezone or a profile's timezone, or setTimezone's), or null when none is sent. */
    getTimezone(): string | null;
    /** Sends lang (a language tag such as "cs" or "en-GB", or an Accept-Language list) as the Accept-Language header of every request, so the server words its messages in that language; null stops it (the default: the instance's or user's language). Anything that is not a language tag throws a TypeError. */
    setLanguage(lang: string | null): this;
    /** The language sent as Accept-Language, or null when none is sent. */
    getLanguage(): string | null;
    /** Fails a request whose answer is larger than bytes (default DEFAULT_MAX_RESPONSE_BYTES, 64 MiB; 0: no limit), without reading the rest and without a retry. */
    setMaxResponseBytes(bytes: number): this;
    /** The answer size limit in bytes (0: none). */
    getMaxResponseBytes(): number;
  }

  /** RetryConfig's options; what is left out keeps PHP's default. */
  export interface RetryConfigOptions {
    /** Retries after the first attempt, 0 to 100 (default 3). */
    maxRetries?: number;
    /** Delay before the first retry in milliseconds (default 100). */
    baseDelayMs?: number;
    /** Longest delay in milliseconds (default 10000). */
    maxDelayMs?: number;
    /** Each delay is the previous one times this, 1 to 100 (default 2). */
    multiplier?: number;
    /** HTTP statuses retried, never for creates (default [408, 500, 502, 503, 504]). */
    retryableStatusCodes?: number[];
    /** Retry when no answer arrived (default true). */
    retryOnConnectionError?: boolean;
  }

  /** Retry settings: exponential backoff with jitter. */
  export class RetryConfig {
    /** Options as an object, or PHP's positional (maxRetries, baseDelayMs, maxDelayMs, multiplier, retryableStatusCodes, retryOnConnectionError); defaults as RetryConfigOptions says. */
    constructor(options?: RetryConfigOptions);
    constructor(maxRetries?: number, baseDelayMs?: number, maxDelayMs?: number, multiplier?: number, retryableStatusCodes?: number[], retryOnConnectionError?: boolean);
    /** PHP's aggressive preset: 5 retries, 50 ms base delay, 30 s max, multiplier 2.5. */
    static aggressive(): RetryConfig;
    /** No retries. */
    static disabled(): RetryConfig;
    /** Retries after the first attempt. */
    readonly maxRetries: number;
    /** Delay before the first retry, in milliseconds. */
    readonly baseDelayMs: number;
    /** Longest delay, in milliseconds. */
    readonly maxDelayMs: number;
    /** Backoff multiplier. */
    readonly multiplier: number;
    /** Statuses retried. */
    readonly retryableStatusCodes: number[];
    /** Whether connection failures are retried. */
    readonly retryOnConnectionError: boolean;
    /** maxRetries. */
    getMaxRetries(): number;
    /** baseDelayMs. */
    getBaseDelayMs(): number;
    /** maxDelayMs. */
    getMaxDelayMs(): number;
    /** multiplier. */
    getMultiplier(): number;
    /** retryableStatusCodes. */
    getRetryableStatusCodes(): number[];
    /** retryOnConnectionError. */
    shouldRetryOnConnectionError(): boolean;
    /** The delay before retry attempt (0 = the first retry) without jitter, in milliseconds. */
    getDelayForAttempt(attempt: number): number;
    /** Whether statusCode is retried. */
    isRetryableStatus(statusCode: number): boolean;
  }

  /** RateLimitConfig's options; what is left out keeps PHP's default. */
  export interface RateLimitConfigOptions {
    /** Wait as Retry-After asks and send again (default true). */
    autoRetry?: boolean;
    /** Never wait longer than this many seconds for one answer (default 60). */
    maxWaitSeconds?: number;
    /** Wait this long when Retry-After is missing (default 5). */
    defaultWaitSeconds?: number;
  }

  /** How HTTP 429 answers are handled. */
  export class RateLimitConfig {
    /** Options as an object, or PHP's positional (autoRetry, maxWaitSeconds, defaultWaitSeconds). */
    constructor(options?: RateLimitConfigOptions);
    constructor(autoRetry?: boolean, maxWaitSeconds?: number, defaultWaitSeconds?: number);
    /** Whether 429 answers are waited out. */
    readonly autoRetry: boolean;
    /** The longest wait, in seconds. */
    readonly maxWaitSeconds: number;
    /** The wait when Retry-After is missing, in seconds. */
    readonly defaultWaitSeconds: number;
    /** autoRetry. */
    shouldAutoRetry(): boolean;
    /** maxWaitSeconds. */
    getMaxWaitSeconds(): number;
    /** defaultWaitSeconds. */
    getDefaultWaitSeconds(): number;
  }

  /** The client the host configured (CLI flags, environment, profile or --mock): scripts need no credentials. Always the same object. Throws when the host configured none. */
  export function client(): Client;

  /** Signs in with a username and password (POST login.json) and returns a client that keeps its sign-in alive: it renews the token with the refresh token (PUT login.json) shortly before it expires, or on a 401, and signs in with the password again only when the refresh fails. Only when the host allows scripts to make clients. */
  export function login(url: string, username: string, password: string): Client;

  /** Splits list into arrays of at most n elements, in order (the last may be shorter; none for an empty list): to read a filter on more values than one URL carries (8 KiB) in parts, one read per part. */
  export function chunk<T>(list: T[], n: number): T[][];

  /**
   * Thrown for a failed request: a transport failure or a non-2xx answer. Subclasses:
   * NotFoundException (404, or no object name), RateLimitException (429 not waited out),
   * UnknownRequestTypeException.
   */
  export class RequestException extends Error {
    /** Makes an exception (scripts may throw their own). */
    constructor(message?: string, code?: number, errors?: any[], responseBody?: string | null);
    /** The HTTP status, 0 when no answer arrived. */
    code: number;
    /** The API's error member: messages, or per-field messages for a failed write (error.form). */
    errors: any;
    /** The raw body of the failed answer, or null. */
    responseBody: string | null;
    /** message. */
    getMessage(): string;
    /** code. */
    getCode(): number;
    /** The HTTP status, or null when no answer arrived. */
    getHttpStatus(): number | null;
    /** errors. */
    getErrors(): any;
    /** errors (PHP's other name). */
    getApiErrors(): any;
    /** responseBody. */
    getResponseBody(): string | null;
  }

  /** A 404 answer, or an update, delete or single read without an object name (thrown before anything is sent). */
  export class NotFoundException extends RequestException {}

  /** A 429 answer that was not waited out (autoRetry off, or Retry-After above maxWaitSeconds). */
  export class RateLimitException extends RequestException {
    /** Makes an exception; code defaults to 429. */
    constructor(message?: string, code?: number, errors?: any[], responseBody?: string | null, retryAfterSeconds?: number);
    /** What the server's Retry-After asked for, in seconds. */
    retryAfterSeconds: number;
    /** retryAfterSeconds. */
    getRetryAfterSeconds(): number;
  }

  /** setRequestType got something that is not a request type. */
  export class UnknownRequestTypeException extends RequestException {
    /** Makes an exception; code defaults to 500. */
    constructor(message?: string, code?: number);
  }

  /** PHP's FormatHelper. */
  export namespace FormatHelper {
    /** Returns what the PHP connector (2.6.0) returns, character for character: spaces, tabs, line breaks and - ( ) . / removed ("" stays ""), then "00" (or "+" when plusSign, default false) in front, with intlPrefix (default "420") before a number that neither starts with +/00 nor with intlPrefix at intlLength (default 12) characters or more. It knows no numbering plan: to compare or deduplicate numbers use Phone.normalize. null gives null. */
    function getNormalizedPhoneNumber(number: string | number | null, plusSign?: boolean, intlPrefix?: string, intlLength?: number): string | null;
  }

  /** Phone numbers read as libphonenumber reads them. */
  export namespace Phone {
    /** The number in E.164 form ("+420226211245") however it is written ("226 211 245", "00420 226-211-245", "+420 (226) 211 245"); a number without a country code is read in options.country, an ISO 3166 region code (default "CZ"). null, undefined or a blank string give null. Text that is no phone number (no digits, too short or too long for its country) throws a TypeError naming it. Two ways of writing one number give the same string: use it to compare, group or deduplicate. */
    function normalize(number: string | null | undefined, options?: { country?: string }): string | null;
  }

  /** The second argument of a webhook handler that dkscript serve calls (docs/serve.md). */
  export interface WebhookRequest {
    /** The event: EVENT of POST /hooks/EVENT, else the body's "event" field. */
    event: string;
    /** The request's headers by lower-case name, several values joined with ", "; the header that carries the webhook secret is left out. */
    headers: { [name: string]: string };
    /** The URL path, e.g. "/hooks/call_close". */
    path: string;
  }

  /** A webhook handler: what a script served by dkscript serve exports for an event (module.exports = { call_close: handler }). It gets the request's JSON body, parsed, and the request; the answer is 200 with the JSON of an object it returns (204 otherwise) once its promise resolved and all it started finished, 500 when it throws. */
  export type WebhookHandler<P = any> = (payload: P, request: WebhookRequest) => unknown;

  // BEGIN GENERATED MODELS (from the model catalogue, package daktela/catalog: go test ./bindings/jstypes -run TestModelDeclarations -update)
  /** A model of the API, as the PHP connector names it (the endpoint is the name with a lower-case first letter): editors offer the model catalogue's endpoints, and any other string is accepted too (the API has more models). A known model types what the request reads and writes; "dkscript help api NAME" lists its fields. */
  export type ModelName = keyof Models | (string & {});

  /** The record type of each model of the catalogue, by the name the builders take: buildReadRequest("Users") reads User records. */
  export interface Models {
    Accounts: Account;
    AccountsSnapshots: AccountSnapshot;
    Activities: Activity;
    ActivitiesCall: ActivityCall;
    ActivitiesCallChannels: ActivityCallChannel;
    ActivitiesCallRecordings: ActivityCallRecording;
    ActivitiesCallTranscripts: ActivityCallTranscript;
    ActivitiesChatMessages: ActivityChatMessage;
    ActivitiesEmail: ActivityEmail;
    ActivitiesEmailFiles: ActivityEmailFile;
    ActivitiesFbComment: ActivityFbComment;
    ActivitiesFbm: ActivityFbm;
    ActivitiesIgComment: ActivityIgComment;
    ActivitiesIgdm: ActivityIgdm;
    ActivitiesSms: ActivitySms;
    ActivitiesVbr: ActivityVbr;
    ActivitiesWap: ActivityWap;
    ActivitiesWeb: ActivityWeb;
    Articles: Article;
    ArticlesFolders: ArticleFolder;
    ArticlesTags: ArticleTag;
    BlacklistDatabases: BlacklistDatabase;
    Blacklistnumbers: Blacklistnumber;
    CampaignsRecords: CampaignRecord;
    CampaignsRecordsSnapshots: CampaignRecordSnapshot;
    CampaignsTypes: CampaignType;
    Contacts: Contact;
    ContactsSnapshots: ContactSnapshot;
    CrmDatabases: CrmDatabase;
    CrmRecords: CrmRecord;
    CrmRecordsTypes: CrmRecordType;
    Databases: Database;
    Events: Event;
    Groups: Group;
    Integrations: Integration;
    Musics: Music;
    Pauses: Pause;
    Profiles: Profile;
    Qaforms: Qaform;
    Queues: Queue;
    RealtimeSessions: RealtimeSession;
    Recordings: Recording;
    Roles: Role;
    SipDevices: SipDevice;
    Statuses: Status;
    Templates: Template;
    Tickets: Ticket;
    TicketsCategories: TicketCategory;
    TicketsSla: TicketSla;
    Timegroups: Timegroup;
    Transcripts: Transcript;
    Users: User;
    UsersSession: UserSession;
    Wallboards: Wallboard;
  }

  /** The relations of each model (buildReadRelationRequest(model, name, relation)) and the record type each lists. */
  export interface ModelRelations {
    Accounts: { contacts: Contact };
    Activities: { attachments: ActivityAttachment };
    ActivitiesCall: { recordings: ActivityCallRecording; transcripts: ActivityCallTranscript };
    ActivitiesEmail: { files: ActivityEmailFile };
    ActivitiesWeb: { messages: ActivityChatMessage };
    CampaignsRecords: { activities: Activity };
    Contacts: { tickets: Ticket; activities: Activity; crmRecords: CrmRecord };
    Tickets: { activities: Activity };
  }

  /** The attributes a create or update of each model takes that its records do not show. */
  export interface ModelWrites {
    Tickets: { comment?: string | null; comment_add_files?: any };
  }

  /** An activity's item, the channel record of its type (CALL: ActivityCall, EMAIL: ActivityEmail, CHAT: ActivityWeb, ...). */
  export type ActivityItem<D extends Depth = 2> = ActivityCallAt<D> | ActivityWebAt<D> | ActivityEmailAt<D> | ActivityFbCommentAt<D> | ActivityFbmAt<D> | ActivityIgCommentAt<D> | ActivityIgdmAt<D> | ActivitySmsAt<D> | ActivityVbrAt<D> | ActivityWapAt<D>;

  /** Companies (CRM accounts). A record of Accounts (accounts.json). */
  export interface Account extends AccountAt<3> {}
  /** A record of Accounts whose links expand D more levels, as when it is nested in another record (Account, the record a read returns, is AccountAt<3>). */
  export interface AccountAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    /** read as the CrmDatabases record (its name beyond three levels), written as its name */
    database: Link<D, CrmDatabaseAt<Less<D>>, string> | null;
    /** read as the TicketsSla record (its name beyond three levels), written as its name */
    sla: Link<D, TicketSlaAt<Less<D>>, string> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    description: string | null;
    survey: any;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    edited: string | null;
    deleted: boolean;
    /** every value a list; the keys differ per instance (these are the demo instance's) */
    customFields: { ico?: string[]; web?: string[]; [key: string]: string[] };
  }

  /** Earlier versions of accounts. A record of AccountsSnapshots (accountsSnapshots.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface AccountSnapshot extends AccountSnapshotAt<3> {}
  /** A record of AccountsSnapshots whose links expand D more levels, as when it is nested in another record (AccountSnapshot, the record a read returns, is AccountSnapshotAt<3>). */
  export interface AccountSnapshotAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Accounts record (its name beyond three levels), written as its name */
    account: Link<D, AccountAt<Less<D>>, string> | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Work items of every channel: calls, e-mails, chats, comments (type ""). A record of Activities (activities.json). */
  export interface Activity extends ActivityAt<3> {}
  /** A record of Activities whose links expand D more levels, as when it is nested in another record (Activity, the record a read returns, is ActivityAt<3>). */
  export interface ActivityAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Tickets record (its name beyond three levels), written as its name */
    ticket: Link<D, TicketAt<Less<D>>, number> | null;
    title: string | null;
    important: boolean;
    action: "" | "OPEN" | "WAIT" | "POSTPONE" | "CLOSE" | null;
    type: "" | "CALL" | "EMAIL" | "CHAT" | "SMS" | "FBM" | "WAP" | "VBR" | "IGDM" | "FBCOMMENT" | "IGCOMMENT" | "CUSTOM" | null;
    /** the channel record (activitiesCall, activitiesEmail, ... by type); an id when nested */
    item: (D extends 3 ? ActivityItem<2> : number) | null;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    survey: any;
    /** read as the CampaignsRecords record (its name beyond three levels), written as its name */
    record: Link<D, CampaignRecordAt<Less<D>>, string> | null;
    /** read as the Statuses record (its name beyond three levels), written as its name */
    statuses: (Link<D, StatusAt<Less<D>>, string>)[];
    priority: number | null;
    options: any;
    description: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** when the activity started waiting (a datetime; call wait seconds are activitiesCall.waiting_time); "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time_wait: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time_open: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time_close: string | null;
    /** seconds before answering */
    baw: number | null;
    /** seconds of after-work */
    aaw: number | null;
    /** seconds */
    duration: number | null;
    /** seconds */
    focus_time: number | null;
    focus_disruptions: number | null;
    /** seconds */
    ringing_time: number | null;
    /** read as the Users record (its name beyond three levels), written as its name; read-only */
    created_by: Link<D, UserAt<Less<D>>, string> | null;
    /** read-only */
    anonymized: boolean;
    /** every value a list; the keys differ per instance (these are the demo instance's) */
    customFields: { [key: string]: string[] };
    /** as activities/{name}/attachments lists them; read as the activitiesAttachments record (its name beyond three levels), written as its name; read-only */
    attachments: (Link<D, ActivityAttachmentAt<Less<D>>, number>)[];
  }

  /** Files attached to an activity (read as activities/{name}/attachments). A record of activitiesAttachments, read inside other records or through a relation. */
  export interface ActivityAttachment extends ActivityAttachmentAt<3> {}
  /** A record of ActivitiesAttachments whose links expand D more levels, as when it is nested in another record (ActivityAttachment, the record a read returns, is ActivityAttachmentAt<3>). */
  export interface ActivityAttachmentAt<D extends Depth> {
    /** the key */
    file: number;
    inline: string | null;
    cid: string | null;
    title: string | null;
    /** MIME type */
    type: string | null;
    /** bytes */
    size: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
  }

  /** Calls: the channel record of a CALL activity. A record of ActivitiesCall (activitiesCall.json). */
  export interface ActivityCall extends ActivityCallAt<3> {}
  /** A record of ActivitiesCall whose links expand D more levels, as when it is nested in another record (ActivityCall, the record a read returns, is ActivityCallAt<3>). */
  export interface ActivityCallAt<D extends Depth> {
    /** the key */
    id_call: string;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    call_time: string | null;
    direction: "in" | "out" | "internal" | null;
    answered: boolean;
    /** read as the Queues record (its name beyond three levels), written as its name */
    id_queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    id_agent: Link<D, UserAt<Less<D>>, string> | null;
    clid: string | null;
    prefix_clid_name: string | null;
    did: string | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    /** seconds the caller waited */
    waiting_time: number | null;
    /** seconds */
    ringing_time: number | null;
    /** seconds */
    hold_time: number | null;
    /** seconds */
    duration: number | null;
    /** seconds */
    dialer_time: number | null;
    orig_pos: number | null;
    position: number | null;
    disposition_cause: "" | "caller" | "agent" | "transfer" | "system" | null;
    disconnection_cause: "" | "abandon" | "exitwithtimeout" | "exitwithkey" | "exitempty" | "busy" | "cancel" | "noanswer" | "failed" | "amdmachine" | null;
    pressed_key: string | null;
    /** 1 missed, 0 called back, null not missed */
    missed_call: number | null;
    /** when it was called back; "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_call_time: string | null;
    /** the call that called it back; read as the ActivitiesCall record (its name beyond three levels), written as its name */
    missed_callback: Link<D, ActivityCallAt<Less<D>>, string> | null;
    attempts: number | null;
    score: number | null;
    note: string | null;
    options: any;
    cdr: any;
    /** the activities of this call (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
  }

  /** The legs of a call. A record of ActivitiesCallChannels (activitiesCallChannels.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityCallChannel extends ActivityCallChannelAt<3> {}
  /** A record of ActivitiesCallChannels whose links expand D more levels, as when it is nested in another record (ActivityCallChannel, the record a read returns, is ActivityCallChannelAt<3>). */
  export interface ActivityCallChannelAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the ActivitiesCall record (its name beyond three levels), written as its name */
    id_call: Link<D, ActivityCallAt<Less<D>>, string> | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Recordings of calls (download with /file/recording/{activity}). A record of ActivitiesCallRecordings (activitiesCallRecordings.json). */
  export interface ActivityCallRecording extends ActivityCallRecordingAt<3> {}
  /** A record of ActivitiesCallRecordings whose links expand D more levels, as when it is nested in another record (ActivityCallRecording, the record a read returns, is ActivityCallRecordingAt<3>). */
  export interface ActivityCallRecordingAt<D extends Depth> {
    /** the key */
    recording: string;
    /** read as the ActivitiesCall record (its name beyond three levels), written as its name */
    id_call: Link<D, ActivityCallAt<Less<D>>, string> | null;
    path: string | null;
    status: string | null;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
  }

  /** Transcribed segments of calls. A record of ActivitiesCallTranscripts (activitiesCallTranscripts.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityCallTranscript extends ActivityCallTranscriptAt<3> {}
  /** A record of ActivitiesCallTranscripts whose links expand D more levels, as when it is nested in another record (ActivityCallTranscript, the record a read returns, is ActivityCallTranscriptAt<3>). */
  export interface ActivityCallTranscriptAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the ActivitiesCall record (its name beyond three levels), written as its name */
    id_call: Link<D, ActivityCallAt<Less<D>>, string> | null;
    text: string | null;
    type: "operator" | "customer" | null;
    /** seconds from the start */
    start: number | null;
    /** seconds from the start */
    end: number | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Messages of web chats. A record of ActivitiesChatMessages (activitiesChatMessages.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityChatMessage extends ActivityChatMessageAt<3> {}
  /** A record of ActivitiesChatMessages whose links expand D more levels, as when it is nested in another record (ActivityChatMessage, the record a read returns, is ActivityChatMessageAt<3>). */
  export interface ActivityChatMessageAt<D extends Depth> {
    /** the key */
    name: string;
    text: string | null;
    direction: "IN" | "OUT" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** E-mails: the channel record of an EMAIL activity. A record of ActivitiesEmail (activitiesEmail.json). */
  export interface ActivityEmail extends ActivityEmailAt<3> {}
  /** A record of ActivitiesEmail whose links expand D more levels, as when it is nested in another record (ActivityEmail, the record a read returns, is ActivityEmailAt<3>). */
  export interface ActivityEmailAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    /** the subject */
    title: string | null;
    address: string | null;
    direction: "in" | "out" | null;
    /** seconds */
    wait_time: number | null;
    /** seconds */
    duration: number | null;
    answered: boolean;
    /** HTML */
    text: string | null;
    /** headers: from, to, cc, message-id, ... */
    options: any;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    state: "" | "SENT" | "FAILED" | "WAIT" | "POSTPROCESSING" | "DRAFT" | null;
    /** read as the ActivitiesEmailFiles record (its name beyond three levels), written as its name; read-only */
    files: (Link<D, ActivityEmailFileAt<Less<D>>, number>)[];
    /** read as the activitiesAttachments record (its name beyond three levels), written as its name; read-only */
    attachments: (Link<D, ActivityAttachmentAt<Less<D>>, number>)[];
    /** the activities of this e-mail (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
  }

  /** Files of e-mails. A record of ActivitiesEmailFiles (activitiesEmailFiles.json). */
  export interface ActivityEmailFile extends ActivityEmailFileAt<3> {}
  /** A record of ActivitiesEmailFiles whose links expand D more levels, as when it is nested in another record (ActivityEmailFile, the record a read returns, is ActivityEmailFileAt<3>). */
  export interface ActivityEmailFileAt<D extends Depth> {
    /** the key */
    file: number;
    inline: string | null;
    cid: string | null;
    title: string | null;
    /** MIME type */
    type: string | null;
    /** bytes */
    size: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
  }

  /** Facebook comments. A record of ActivitiesFbComment (activitiesFbComment.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityFbComment extends ActivityFbCommentAt<3> {}
  /** A record of ActivitiesFbComment whose links expand D more levels, as when it is nested in another record (ActivityFbComment, the record a read returns, is ActivityFbCommentAt<3>). */
  export interface ActivityFbCommentAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    title: string | null;
    state: string | null;
    connector: string | null;
    sender: string | null;
    answered: boolean;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** seconds */
    wait_time: number | null;
    /** upper case; empty = system */
    direction: "" | "IN" | "OUT" | null;
    disconnection: string | null;
    missed: "YES" | "NO" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_time: string | null;
    options: any;
    /** the activities of this record (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Facebook Messenger conversations. A record of ActivitiesFbm (activitiesFbm.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityFbm extends ActivityFbmAt<3> {}
  /** A record of ActivitiesFbm whose links expand D more levels, as when it is nested in another record (ActivityFbm, the record a read returns, is ActivityFbmAt<3>). */
  export interface ActivityFbmAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    title: string | null;
    state: string | null;
    connector: string | null;
    sender: string | null;
    answered: boolean;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** seconds */
    wait_time: number | null;
    /** upper case; empty = system */
    direction: "" | "IN" | "OUT" | null;
    disconnection: string | null;
    missed: "YES" | "NO" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_time: string | null;
    options: any;
    /** the activities of this record (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
    external_contact: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Instagram comments. A record of ActivitiesIgComment (activitiesIgComment.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityIgComment extends ActivityIgCommentAt<3> {}
  /** A record of ActivitiesIgComment whose links expand D more levels, as when it is nested in another record (ActivityIgComment, the record a read returns, is ActivityIgCommentAt<3>). */
  export interface ActivityIgCommentAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    title: string | null;
    state: string | null;
    connector: string | null;
    sender: string | null;
    answered: boolean;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** seconds */
    wait_time: number | null;
    /** upper case; empty = system */
    direction: "" | "IN" | "OUT" | null;
    disconnection: string | null;
    missed: "YES" | "NO" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_time: string | null;
    options: any;
    /** the activities of this record (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Instagram direct messages. A record of ActivitiesIgdm (activitiesIgdm.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityIgdm extends ActivityIgdmAt<3> {}
  /** A record of ActivitiesIgdm whose links expand D more levels, as when it is nested in another record (ActivityIgdm, the record a read returns, is ActivityIgdmAt<3>). */
  export interface ActivityIgdmAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    title: string | null;
    state: string | null;
    connector: string | null;
    sender: string | null;
    answered: boolean;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** seconds */
    wait_time: number | null;
    /** upper case; empty = system */
    direction: "" | "IN" | "OUT" | null;
    disconnection: string | null;
    missed: "YES" | "NO" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_time: string | null;
    options: any;
    /** the activities of this record (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
    external_contact: string | null;
    type: "DM" | "STORY_REPLY" | "STORY_MENTION" | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Text messages: the channel record of an SMS activity. A record of ActivitiesSms (activitiesSms.json). */
  export interface ActivitySms extends ActivitySmsAt<3> {}
  /** A record of ActivitiesSms whose links expand D more levels, as when it is nested in another record (ActivitySms, the record a read returns, is ActivitySmsAt<3>). */
  export interface ActivitySmsAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    title: string | null;
    state: string | null;
    connector: string | null;
    sender: string | null;
    answered: boolean;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** seconds */
    wait_time: number | null;
    /** upper case; empty = system */
    direction: "" | "IN" | "OUT" | null;
    disconnection: string | null;
    missed: "YES" | "NO" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_time: string | null;
    options: any;
    /** the activities of this record (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
    text: string | null;
  }

  /** Viber conversations. A record of ActivitiesVbr (activitiesVbr.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityVbr extends ActivityVbrAt<3> {}
  /** A record of ActivitiesVbr whose links expand D more levels, as when it is nested in another record (ActivityVbr, the record a read returns, is ActivityVbrAt<3>). */
  export interface ActivityVbrAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    title: string | null;
    state: string | null;
    connector: string | null;
    sender: string | null;
    answered: boolean;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** seconds */
    wait_time: number | null;
    /** upper case; empty = system */
    direction: "" | "IN" | "OUT" | null;
    disconnection: string | null;
    missed: "YES" | "NO" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_time: string | null;
    options: any;
    /** the activities of this record (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
    external_contact: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** WhatsApp conversations. A record of ActivitiesWap (activitiesWap.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ActivityWap extends ActivityWapAt<3> {}
  /** A record of ActivitiesWap whose links expand D more levels, as when it is nested in another record (ActivityWap, the record a read returns, is ActivityWapAt<3>). */
  export interface ActivityWapAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    title: string | null;
    state: string | null;
    connector: string | null;
    sender: string | null;
    answered: boolean;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** seconds */
    wait_time: number | null;
    /** upper case; empty = system */
    direction: "" | "IN" | "OUT" | null;
    disconnection: string | null;
    missed: "YES" | "NO" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_time: string | null;
    options: any;
    /** the activities of this record (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
    external_contact: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Web chats: the channel record of a CHAT activity (formerly activitiesChat). A record of ActivitiesWeb (activitiesWeb.json). */
  export interface ActivityWeb extends ActivityWebAt<3> {}
  /** A record of ActivitiesWeb whose links expand D more levels, as when it is nested in another record (ActivityWeb, the record a read returns, is ActivityWebAt<3>). */
  export interface ActivityWebAt<D extends Depth> {
    /** the key */
    name: string;
    /** the customer's name */
    title: string | null;
    state: "" | "ROUTING" | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    answered: boolean;
    /** seconds */
    duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    time: string | null;
    /** seconds */
    wait_time: number | null;
    disconnection: "" | "USER" | "CLIENT" | "TIMEOUT" | "NOT_AVAIL" | "OUT_OF_TIME" | "DECISION_TREE" | "BAN" | null;
    missed: "YES" | "NO" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    missed_time: string | null;
    connector: string | null;
    /** seconds */
    routing_duration: number | null;
    email: string | null;
    phone: string | null;
    options: any;
    context: any;
    host: string | null;
    referer: string | null;
    refererLast: string | null;
    browser: string | null;
    mobileDevice: boolean;
    privateMode: boolean;
    users: any;
    customer: any;
    /** the chat form's fields */
    customFields: any;
    hasFocus: boolean;
    isVisible: boolean;
    gdpr: boolean;
    language: string | null;
    ipaddress: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    heartbeat: string | null;
    /** the activities of this chat (their item is an id); read as the Activities record (its name beyond three levels), written as its name; read-only */
    activities?: (Link<D, ActivityAt<Less<D>>, string>)[];
  }

  /** Knowledge-base articles. A record of Articles (articles.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface Article extends ArticleAt<3> {}
  /** A record of Articles whose links expand D more levels, as when it is nested in another record (Article, the record a read returns, is ArticleAt<3>). */
  export interface ArticleAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    /** read as the ArticlesFolders record (its name beyond three levels), written as its name */
    folder: Link<D, ArticleFolderAt<Less<D>>, string> | null;
    content: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Knowledge-base folders. A record of ArticlesFolders (articlesFolders.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ArticleFolder extends ArticleFolderAt<3> {}
  /** A record of ArticlesFolders whose links expand D more levels, as when it is nested in another record (ArticleFolder, the record a read returns, is ArticleFolderAt<3>). */
  export interface ArticleFolderAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Knowledge-base tags. A record of ArticlesTags (articlesTags.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ArticleTag extends ArticleTagAt<3> {}
  /** A record of ArticlesTags whose links expand D more levels, as when it is nested in another record (ArticleTag, the record a read returns, is ArticleTagAt<3>). */
  export interface ArticleTagAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Lists of numbers and addresses not to contact. A record of BlacklistDatabases (blacklistDatabases.json). */
  export interface BlacklistDatabase extends BlacklistDatabaseAt<3> {}
  /** A record of BlacklistDatabases whose links expand D more levels, as when it is nested in another record (BlacklistDatabase, the record a read returns, is BlacklistDatabaseAt<3>). */
  export interface BlacklistDatabaseAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
  }

  /** One blacklisted number or address. A record of Blacklistnumbers (blacklistnumbers.json). */
  export interface Blacklistnumber extends BlacklistnumberAt<3> {}
  /** A record of Blacklistnumbers whose links expand D more levels, as when it is nested in another record (Blacklistnumber, the record a read returns, is BlacklistnumberAt<3>). */
  export interface BlacklistnumberAt<D extends Depth> {
    /** the key */
    name: string;
    number: string | null;
    /** read as the BlacklistDatabases record (its name beyond three levels), written as its name */
    database: Link<D, BlacklistDatabaseAt<Less<D>>, string> | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    expiration: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
  }

  /** Records of outbound campaigns (whom to call, and how it went). A record of CampaignsRecords (campaignsRecords.json). */
  export interface CampaignRecord extends CampaignRecordAt<3> {}
  /** A record of CampaignsRecords whose links expand D more levels, as when it is nested in another record (CampaignRecord, the record a read returns, is CampaignRecordAt<3>). */
  export interface CampaignRecordAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the CampaignsTypes record (its name beyond three levels), written as its name; required on create */
    record_type: Link<D, CampaignTypeAt<Less<D>>, string>;
    /** read as the Databases record (its name beyond three levels), written as its name */
    database: Link<D, DatabaseAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    number: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    nextcall: string | null;
    /** 0 not assigned, 1 ready, 2 rescheduled by the dialer, 3 calling, 4 hung up, 5 done, 6 rescheduled; a number the API sends as a string */
    action: "0" | "1" | "2" | "3" | "4" | "5" | "6" | null;
    call_id: string | null;
    activity: string | null;
    /** deprecated: record_type's queue; read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    options: any;
    /** read as the Statuses record (its name beyond three levels), written as its name */
    statuses: (Link<D, StatusAt<Less<D>>, string>)[];
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    edited: string | null;
    /** every value a list; the keys differ per instance (these are the demo instance's) */
    customFields: { firstname?: string[]; lastname?: string[]; email?: string[]; note?: string[]; [key: string]: string[] };
  }

  /** Earlier versions of campaign records. A record of CampaignsRecordsSnapshots (campaignsRecordsSnapshots.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface CampaignRecordSnapshot extends CampaignRecordSnapshotAt<3> {}
  /** A record of CampaignsRecordsSnapshots whose links expand D more levels, as when it is nested in another record (CampaignRecordSnapshot, the record a read returns, is CampaignRecordSnapshotAt<3>). */
  export interface CampaignRecordSnapshotAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the CampaignsRecords record (its name beyond three levels), written as its name */
    record: Link<D, CampaignRecordAt<Less<D>>, string> | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Campaign record types (a campaign's records and its queue). A record of CampaignsTypes (campaignsTypes.json). */
  export interface CampaignType extends CampaignTypeAt<3> {}
  /** A record of CampaignsTypes whose links expand D more levels, as when it is nested in another record (CampaignType, the record a read returns, is CampaignTypeAt<3>). */
  export interface CampaignTypeAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    /** read as the Queues record (its name beyond three levels), written as its name */
    queue: Link<D, QueueAt<Less<D>>, number> | null;
    color: string | null;
    icon: string | null;
    autofocused_tab: string | null;
    config: any;
    custom: boolean;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
  }

  /** People (CRM contacts); title is first and last name. A record of Contacts (contacts.json). */
  export interface Contact extends ContactAt<3> {}
  /** A record of Contacts whose links expand D more levels, as when it is nested in another record (Contact, the record a read returns, is ContactAt<3>). */
  export interface ContactAt<D extends Depth> {
    /** the key */
    name: string;
    /** read-only */
    title: string | null;
    firstname: string | null;
    /** required on create */
    lastname: string;
    /** read as the CrmDatabases record (its name beyond three levels), written as its name */
    database: Link<D, CrmDatabaseAt<Less<D>>, string> | null;
    /** read as the Accounts record (its name beyond three levels), written as its name */
    account: Link<D, AccountAt<Less<D>>, string> | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    description: string | null;
    /** read-only */
    nps_score: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    edited: string | null;
    /** every value a list; the keys differ per instance (these are the demo instance's) */
    customFields: { number?: string[]; email?: string[]; address?: string[]; note?: string[]; [key: string]: string[] };
    /** read-only */
    duplicateContacts: any;
    /** read-only */
    notDuplicateContacts: any;
  }

  /** Earlier versions of contacts. A record of ContactsSnapshots (contactsSnapshots.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface ContactSnapshot extends ContactSnapshotAt<3> {}
  /** A record of ContactsSnapshots whose links expand D more levels, as when it is nested in another record (ContactSnapshot, the record a read returns, is ContactSnapshotAt<3>). */
  export interface ContactSnapshotAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** CRM databases contacts and accounts belong to ("default"). A record of CrmDatabases (crmDatabases.json). */
  export interface CrmDatabase extends CrmDatabaseAt<3> {}
  /** A record of CrmDatabases whose links expand D more levels, as when it is nested in another record (CrmDatabase, the record a read returns, is CrmDatabaseAt<3>). */
  export interface CrmDatabaseAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    available_cp: boolean;
    autofocused_contacts_tab: string | null;
    autofocused_accounts_tab: string | null;
    default: boolean;
    contactsCFScheme: any;
    reverse_names: boolean;
  }

  /** CRM records (deals, orders, ...) of contacts and accounts. A record of CrmRecords (crmRecords.json). */
  export interface CrmRecord extends CrmRecordAt<3> {}
  /** A record of CrmRecords whose links expand D more levels, as when it is nested in another record (CrmRecord, the record a read returns, is CrmRecordAt<3>). */
  export interface CrmRecordAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    /** read as the CrmRecordsTypes record (its name beyond three levels), written as its name; required on create */
    type: Link<D, CrmRecordTypeAt<Less<D>>, string>;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    /** read as the Accounts record (its name beyond three levels), written as its name */
    account: Link<D, AccountAt<Less<D>>, string> | null;
    /** read as the Tickets record (its name beyond three levels), written as its name */
    ticket: Link<D, TicketAt<Less<D>>, number> | null;
    description: string | null;
    /** read as the Statuses record (its name beyond three levels), written as its name */
    status: Link<D, StatusAt<Less<D>>, string> | null;
    stage: "OPEN" | "CLOSE" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    edited: string | null;
    /** every value a list; the keys differ per instance (these are the demo instance's) */
    customFields: { amount?: string[]; [key: string]: string[] };
  }

  /** Kinds of CRM records (deals, orders, ...). A record of CrmRecordsTypes (crmRecordsTypes.json). */
  export interface CrmRecordType extends CrmRecordTypeAt<3> {}
  /** A record of CrmRecordsTypes whose links expand D more levels, as when it is nested in another record (CrmRecordType, the record a read returns, is CrmRecordTypeAt<3>). */
  export interface CrmRecordTypeAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    color: string | null;
    options: any;
  }

  /** Campaign databases campaign records belong to. A record of Databases (databases.json). */
  export interface Database extends DatabaseAt<3> {}
  /** A record of Databases whose links expand D more levels, as when it is nested in another record (Database, the record a read returns, is DatabaseAt<3>). */
  export interface DatabaseAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    stage: "OPEN" | "CLOSE" | null;
    deleted: boolean;
  }

  /** Calendar events of users. A record of Events (events.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface Event extends EventAt<3> {}
  /** A record of Events whose links expand D more levels, as when it is nested in another record (Event, the record a read returns, is EventAt<3>). */
  export interface EventAt<D extends Depth> {
    /** the key */
    name: string;
    title: string | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    start: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    end: string | null;
    description: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Groups of users, queues, categories or profiles. A record of Groups (groups.json). */
  export interface Group extends GroupAt<3> {}
  /** A record of Groups whose links expand D more levels, as when it is nested in another record (Group, the record a read returns, is GroupAt<3>). */
  export interface GroupAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    type: "categories" | "queues" | "users" | "profiles" | null;
    deleted: boolean;
  }

  /** Integrations with other systems (AUTH, SYNC, EXTLIB). A record of Integrations (integrations.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface Integration extends IntegrationAt<3> {}
  /** A record of Integrations whose links expand D more levels, as when it is nested in another record (Integration, the record a read returns, is IntegrationAt<3>). */
  export interface IntegrationAt<D extends Depth> {
    /** the key */
    name: string;
    title: string | null;
    type: "AUTH" | "SYNC" | "EXTLIB" | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Music on hold. A record of Musics (musics.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface Music extends MusicAt<3> {}
  /** A record of Musics whose links expand D more levels, as when it is nested in another record (Music, the record a read returns, is MusicAt<3>). */
  export interface MusicAt<D extends Depth> {
    /** the key */
    name: string;
    title: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** The pauses a user can take (wrap-up, do not disturb, custom). A record of Pauses (pauses.json). */
  export interface Pause extends PauseAt<3> {}
  /** A record of Pauses whose links expand D more levels, as when it is nested in another record (Pause, the record a read returns, is PauseAt<3>). */
  export interface PauseAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    type: "" | "wrap" | "dnd" | "lajdak" | null;
    paid: boolean;
    /** minutes, 0 = unlimited */
    max_duration: number | null;
    calculated_from: string | null;
    repeatable: boolean;
    max_amount: number | null;
    min_timeout: number | null;
    auto_pause: boolean;
    prevent_direct_calls: boolean;
    deleted: boolean;
  }

  /** What a user may do: channels, limits, transfers. A record of Profiles (profiles.json). */
  export interface Profile extends ProfileAt<3> {}
  /** A record of Profiles whose links expand D more levels, as when it is nested in another record (Profile, the record a read returns, is ProfileAt<3>). */
  export interface ProfileAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    type: "CC" | "BO" | "none" | null;
    maxActivities: number | null;
    maxOutRecords: number | null;
    deleteMissedActivity: boolean;
    noQueueCallsAllowed: boolean;
    canTransferCall: "none" | "only assisted transfer" | "only blind transfer" | "blind and assisted transfer" | null;
    monitoringModes: number | null;
    gptFunctions: number | null;
    askForAssistance: boolean;
    options: any;
    customViews: any;
    customSocialMediaViews: any;
    oneTimePassword: any;
    passwordReset: boolean;
  }

  /** Quality-assurance review forms. A record of Qaforms (qaforms.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface Qaform extends QaformAt<3> {}
  /** A record of Qaforms whose links expand D more levels, as when it is nested in another record (Qaform, the record a read returns, is QaformAt<3>). */
  export interface QaformAt<D extends Depth> {
    /** the key */
    name: string;
    title: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Where work waits for users: call, e-mail, chat, SMS ... queues. A record of Queues (queues.json). */
  export interface Queue extends QueueAt<3> {}
  /** A record of Queues whose links expand D more levels, as when it is nested in another record (Queue, the record a read returns, is QueueAt<3>). */
  export interface QueueAt<D extends Depth> {
    /** the key */
    name: number;
    /** required on create */
    title: string;
    alias: string | null;
    description: string | null;
    call_steering_description: string | null;
    /** required on create */
    type: "in" | "ctc" | "out" | "outbounder" | "progressive" | "dialer" | "interviewer" | "email" | "sms" | "chat" | "fbm" | "wap" | "vbr" | "igdm" | "custom";
    direction: "in" | "out" | null;
    deactivated: boolean;
    options: any;
  }

  /** Who is signed in now and what they are doing (list only). A record of RealtimeSessions (realtimeSessions.json). */
  export interface RealtimeSession extends RealtimeSessionAt<3> {}
  /** A record of RealtimeSessions whose links expand D more levels, as when it is nested in another record (RealtimeSession, the record a read returns, is RealtimeSessionAt<3>). */
  export interface RealtimeSessionAt<D extends Depth> {
    /** read as the Users record (its name beyond three levels), written as its name; the key */
    id_agent: Link<D, UserAt<Less<D>>, string>;
    state: "Session" | "Idle" | "Paused" | null;
    exten: string | null;
    exten_status: "Unavailable" | "Idle" | "Busy" | null;
    presence_status: "Unavailable" | "Idle" | "Busy" | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    logintime: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    lastcalltime: string | null;
    /** read as the Queues record (its name beyond three levels), written as its name */
    lastqueue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Pauses record (its name beyond three levels), written as its name */
    id_pause: Link<D, PauseAt<Less<D>>, string> | null;
    /** when the pause started; "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    onpause: string | null;
    /** when the current state started; "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    statetime: string | null;
    /** the call under way */
    id_call: string | null;
    /** when the wrap-up ends; "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    unwrap: string | null;
  }

  /** IVR audio files (not call recordings: see activitiesCallRecordings). A record of Recordings (recordings.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface Recording extends RecordingAt<3> {}
  /** A record of Recordings whose links expand D more levels, as when it is nested in another record (Recording, the record a read returns, is RecordingAt<3>). */
  export interface RecordingAt<D extends Depth> {
    /** the key */
    name: string;
    title: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** A set of permissions (options: permission → bit mask). A record of Roles (roles.json). */
  export interface Role extends RoleAt<3> {}
  /** A record of Roles whose links expand D more levels, as when it is nested in another record (Role, the record a read returns, is RoleAt<3>). */
  export interface RoleAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    type: string | null;
    options: any;
    shortcuts: any;
    gpt_custom_prompts: any;
  }

  /** The SIP phones users sign in with. A record of SipDevices (sipDevices.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface SipDevice extends SipDeviceAt<3> {}
  /** A record of SipDevices whose links expand D more levels, as when it is nested in another record (SipDevice, the record a read returns, is SipDeviceAt<3>). */
  export interface SipDeviceAt<D extends Depth> {
    /** the key */
    name: string;
    title: string | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    type: string | null;
    state: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Outcomes a user sets on activities, tickets and campaign records. A record of Statuses (statuses.json). */
  export interface Status extends StatusAt<3> {}
  /** A record of Statuses whose links expand D more levels, as when it is nested in another record (Status, the record a read returns, is StatusAt<3>). */
  export interface StatusAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    validation: boolean;
    nextcall: boolean;
    /** read as the BlacklistDatabases record (its name beyond three levels), written as its name */
    blacklist_database: Link<D, BlacklistDatabaseAt<Less<D>>, string> | null;
    /** seconds */
    blacklist_expiration_time: number | null;
    color: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
  }

  /** Message templates for e-mail, SMS, chat ... (user null = shared). A record of Templates (templates.json). */
  export interface Template extends TemplateAt<3> {}
  /** A record of Templates whose links expand D more levels, as when it is nested in another record (Template, the record a read returns, is TemplateAt<3>). */
  export interface TemplateAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    format: "RICH" | "PLAIN" | null;
    usingtype: "EMAIL" | "SMS" | "FBM" | "IGDM" | "WAP" | "WAP_OUTGOING" | "VBR" | "CHAT" | "CHAT_NPS" | "EMAIL_SIGN" | "EMAIL_NPS" | "SOCIALMEDIA" | "USERSIGN" | null;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    subject: string | null;
    content: string | null;
    externalDataUrl: string | null;
  }

  /** Tickets; name is a number the server counts up. A record of Tickets (tickets.json). */
  export interface Ticket extends TicketAt<3> {}
  /** A record of Tickets whose links expand D more levels, as when it is nested in another record (Ticket, the record a read returns, is TicketAt<3>). */
  export interface TicketAt<D extends Depth> {
    /** the key */
    name: number;
    /** required on create */
    title: string;
    /** the ticket this one was merged into; read as the Tickets record (its name beyond three levels), written as its name */
    id_merge: Link<D, TicketAt<Less<D>>, number> | null;
    /** read as the TicketsCategories record (its name beyond three levels), written as its name; required on create */
    category: Link<D, TicketCategoryAt<Less<D>>, string>;
    /** read as the Users record (its name beyond three levels), written as its name */
    user: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Contacts record (its name beyond three levels), written as its name */
    contact: Link<D, ContactAt<Less<D>>, string> | null;
    email: string | null;
    /** read as the Tickets record (its name beyond three levels), written as its name */
    parentTicket: Link<D, TicketAt<Less<D>>, number> | null;
    description: string | null;
    /** required on create */
    stage: "OPEN" | "WAIT" | "CLOSE" | "ARCHIVE";
    /** required on create */
    priority: "LOW" | "MEDIUM" | "HIGH";
    /** read as the Statuses record (its name beyond three levels), written as its name */
    statuses: (Link<D, StatusAt<Less<D>>, string>)[];
    /** read as the Users record (its name beyond three levels), written as its name */
    followers: (Link<D, UserAt<Less<D>>, string>)[];
    /** seconds; read-only */
    sla_overdue: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    sla_deadtime: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    sla_change: string | null;
    /** seconds; read-only */
    sla_duration: number | null;
    sla_custom: boolean;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    sla_close_deadline: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    first_answer: string | null;
    /** seconds; read-only */
    first_answer_duration: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    first_answer_deadline: string | null;
    /** seconds; read-only */
    first_answer_overdue: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    reopen: string | null;
    /** read-only */
    interaction_activity_count: number | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    created: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    edited: string | null;
    /** read as the Users record (its name beyond three levels), written as its name; read-only */
    created_by: Link<D, UserAt<Less<D>>, string> | null;
    /** read as the Users record (its name beyond three levels), written as its name; read-only */
    edited_by: Link<D, UserAt<Less<D>>, string> | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    closed: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    last_activity: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    last_activity_operator: string | null;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    last_activity_client: string | null;
    unread: boolean;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone; read-only */
    last_unread_date: string | null;
    /** read-only */
    has_attachment: boolean;
    /** read-only */
    isParent: boolean;
    /** whether the reader follows the ticket; read-only */
    isFollowed: boolean;
    /** whether the reader may open the ticket; read-only */
    _access: boolean;
    /** every value a list; the keys differ per instance (these are the demo instance's) */
    customFields: { order_id?: string[]; product?: string[]; [key: string]: string[] };
  }

  /** Ticket categories: their SLA, queues and rules. A record of TicketsCategories (ticketsCategories.json). */
  export interface TicketCategory extends TicketCategoryAt<3> {}
  /** A record of TicketsCategories whose links expand D more levels, as when it is nested in another record (TicketCategory, the record a read returns, is TicketCategoryAt<3>). */
  export interface TicketCategoryAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    /** read as the TicketsSla record (its name beyond three levels), written as its name */
    sla: Link<D, TicketSlaAt<Less<D>>, string> | null;
    /** read as the Timegroups record (its name beyond three levels), written as its name */
    timecondition: Link<D, TimegroupAt<Less<D>>, string> | null;
    /** read as the Queues record (its name beyond three levels), written as its name */
    email_queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Queues record (its name beyond three levels), written as its name */
    call_queue: Link<D, QueueAt<Less<D>>, number> | null;
    /** read as the Queues record (its name beyond three levels), written as its name */
    sms_queue: Link<D, QueueAt<Less<D>>, number> | null;
    status_required: "" | "never" | "closing_ticket" | "always" | null;
    multiple_statuses: boolean;
    closeCheckChilds: boolean;
    autofocused_tab: string | null;
    /** days, null = never */
    auto_archive_tickets: number | null;
    /** read as the CrmDatabases record (its name beyond three levels), written as its name */
    default_crm_database: Link<D, CrmDatabaseAt<Less<D>>, string> | null;
    allow_external_comments: boolean;
  }

  /** Response and solution times of tickets, by priority, in unit. A record of TicketsSla (ticketsSla.json). */
  export interface TicketSla extends TicketSlaAt<3> {}
  /** A record of TicketsSla whose links expand D more levels, as when it is nested in another record (TicketSla, the record a read returns, is TicketSlaAt<3>). */
  export interface TicketSlaAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    unit: "HOURS" | "MINUTES" | null;
    response_low: number | null;
    response_normal: number | null;
    response_high: number | null;
    solution_low: number | null;
    solution_normal: number | null;
    solution_high: number | null;
  }

  /** Opening hours and holidays queues and categories follow. A record of Timegroups (timegroups.json). */
  export interface Timegroup extends TimegroupAt<3> {}
  /** A record of Timegroups whose links expand D more levels, as when it is nested in another record (Timegroup, the record a read returns, is TimegroupAt<3>). */
  export interface TimegroupAt<D extends Depth> {
    /** the key */
    name: string;
    /** required on create */
    title: string;
    description: string | null;
    options: any;
  }

  /** Call transcripts. A record of Transcripts (transcripts.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface Transcript extends TranscriptAt<3> {}
  /** A record of Transcripts whose links expand D more levels, as when it is nested in another record (Transcript, the record a read returns, is TranscriptAt<3>). */
  export interface TranscriptAt<D extends Depth> {
    /** the key */
    name: string;
    text: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** The people and integrations that sign in; name is the login. A record of Users (users.json). */
  export interface User extends UserAt<3> {}
  /** A record of Users whose links expand D more levels, as when it is nested in another record (User, the record a read returns, is UserAt<3>). */
  export interface UserAt<D extends Depth> {
    /** the login name; the key; required on create */
    name: string;
    /** required on create */
    title: string;
    alias: string | null;
    firstname: string | null;
    lastname: string | null;
    type: "admin" | "user" | "api" | "BO" | null;
    /** read as the Profiles record (its name beyond three levels), written as its name */
    profile: Link<D, ProfileAt<Less<D>>, string> | null;
    /** read as the Roles record (its name beyond three levels), written as its name */
    role: Link<D, RoleAt<Less<D>>, string> | null;
    email: string | null;
    emailAuth: string | null;
    description: string | null;
    call_steering_description: string | null;
    extension: string | null;
    extension_state: "online" | "offline" | "busy" | null;
    clid: string | null;
    static: boolean;
    recordAtCallStart: "disabled" | "immediately" | "bridged" | null;
    algo: string | null;
    acl: any;
    icon: string | null;
    emoji: string | null;
    timezone: string | null;
    backoffice_user: boolean;
    forwarding_number: string | null;
    /** read-only */
    nps_score: number | null;
    cp_access_crm: boolean;
    fcmSettings: any;
    allowRecordingInterruption: boolean;
    deactivated: boolean;
    deleted: boolean;
    options: any;
  }

  /** A user's sign-in to queues (POST to sign in). A record of UsersSession (usersSession.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface UserSession extends UserSessionAt<3> {}
  /** A record of UsersSession whose links expand D more levels, as when it is nested in another record (UserSession, the record a read returns, is UserSessionAt<3>). */
  export interface UserSessionAt<D extends Depth> {
    /** the key */
    name: string;
    /** read as the Users record (its name beyond three levels), written as its name */
    id_agent: Link<D, UserAt<Less<D>>, string> | null;
    queues: any;
    /** "YYYY-MM-DD HH:MM:SS" in the instance's time zone */
    logintime: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }

  /** Wallboard screens. A record of Wallboards (wallboards.json). The catalogue lists the fields public evidence shows; real records have more. */
  export interface Wallboard extends WallboardAt<3> {}
  /** A record of Wallboards whose links expand D more levels, as when it is nested in another record (Wallboard, the record a read returns, is WallboardAt<3>). */
  export interface WallboardAt<D extends Depth> {
    /** the key */
    name: string;
    title: string | null;
    /** The fields the catalogue does not list. */
    [field: string]: any;
  }
  // END GENERATED MODELS
}

// ---------------------------------------------------------------------------------------
// fs: require("fs"), Node's synchronous file functions plus two streams.
// ---------------------------------------------------------------------------------------

declare module "fs" {
  /** An encoding name: utf8 (also utf-8), latin1 (also binary), ascii, base64 or hex. */
  export type Encoding = "utf8" | "utf-8" | "latin1" | "binary" | "ascii" | "base64" | "hex";

  /** What statSync returns. */
  export interface Stats {
    /** Size in bytes. */
    size: number;
    /** Last modification time. */
    mtime: Date;
    /** Last modification time in milliseconds since 1970. */
    mtimeMs: number;
    /** Permission bits, e.g. 0o644. */
    mode: number;
    /** Whether it is a regular file. */
    isFile(): boolean;
    /** Whether it is a directory. */
    isDirectory(): boolean;
    /** Whether it is a symbolic link. */
    isSymbolicLink(): boolean;
  }

  /** A directory entry from readdirSync(path, {withFileTypes: true}). */
  export interface Dirent {
    /** The entry's name. */
    name: string;
    /** Whether it is a regular file. */
    isFile(): boolean;
    /** Whether it is a directory. */
    isDirectory(): boolean;
    /** Whether it is a symbolic link. */
    isSymbolicLink(): boolean;
  }

  /** An iterator that is also iterable (for...of, spread, Array.from); it releases its file at the end, on break and on error. */
  export interface LineIterator extends IterableIterator<string> {
    /** The next line. */
    next(): IteratorResult<string>;
    /** Stops early and closes the file (for...of calls it on break). */
    return(value?: any): IteratorResult<string>;
    /** Closes the file. */
    close(): void;
    /** The iterator itself. */
    [Symbol.iterator](): LineIterator;
  }

  /** A buffered file writer from createWriter: data reaches the file on close, or when the script ends if it never closes it (close it in finally to see a failed flush). */
  export interface FileWriter {
    /** Writes data (a string, written as UTF-8, or bytes). */
    write(data: string | Uint8Array): FileWriter;
    /** Writes data and "\n". */
    writeLine(data?: string | Uint8Array): FileWriter;
    /** Flushes and closes the file; a failed flush throws. */
    close(): void;
    /** The path as given. */
    path: string;
  }

  /** Reads a whole file: a string with an encoding, else the bytes (a Buffer). "/dev/stdin" or 0 reads standard input. Errors are Node-like: "ENOENT: no such file or directory, open 'x.csv'" with code, syscall and path. */
  export function readFileSync(path: string | number, options: Encoding | { encoding: Encoding }): string;
  /** Reads a whole file as bytes. */
  export function readFileSync(path: string | number, options?: { encoding?: null }): Buffer;
  /** Writes data (a string in encoding, default utf8, or bytes) to a file, replacing it ({flag: "a"} appends). "/dev/stdout", "/dev/stderr", 1 and 2 write to the run's output. */
  export function writeFileSync(path: string | number, data: string | Uint8Array, options?: Encoding | { encoding?: Encoding; flag?: "w" | "a" }): void;
  /** Appends data to a file, creating it. */
  export function appendFileSync(path: string | number, data: string | Uint8Array, options?: Encoding | { encoding?: Encoding; flag?: "w" | "a" }): void;
  /** Whether path exists. */
  export function existsSync(path: string): boolean;
  /** Makes a directory; {recursive: true} makes its parents too and returns the first directory made (or undefined). */
  export function mkdirSync(path: string, options?: number | { recursive?: boolean; mode?: number }): string | undefined;
  /** The names in a directory. */
  export function readdirSync(path: string, options?: { withFileTypes?: false }): string[];
  /** The entries of a directory with their types. */
  export function readdirSync(path: string, options: { withFileTypes: true }): Dirent[];
  /** Facts about a file; {throwIfNoEntry: false} returns undefined for a missing one. */
  export function statSync(path: string, options?: { throwIfNoEntry?: boolean }): Stats;
  /** Deletes a file (not a directory). */
  export function unlinkSync(path: string): void;
  /** Renames or moves a file. */
  export function renameSync(oldPath: string, newPath: string): void;
  /** The lines of a file without their line ends, one at a time (memory stays flat); a byte order mark is dropped. */
  export function lines(path: string | number): LineIterator;
  /** A buffered writer to path ({append: true} appends); close it in a finally block. */
  export function createWriter(path: string | number, options?: { append?: boolean }): FileWriter;
  /** The functions above as Node's promise versions: each does its Sync twin's work and returns a Promise of its result; an error rejects it. */
  export namespace promises {
    /** readFileSync's text. */
    function readFile(path: string | number, options: Encoding | { encoding: Encoding }): Promise<string>;
    /** readFileSync's bytes. */
    function readFile(path: string | number, options?: { encoding?: null }): Promise<Buffer>;
    /** writeFileSync. */
    function writeFile(path: string | number, data: string | Uint8Array, options?: Encoding | { encoding?: Encoding; flag?: "w" | "a" }): Promise<void>;
    /** appendFileSync. */
    function appendFile(path: string | number, data: string | Uint8Array, options?: Encoding | { encoding?: Encoding; flag?: "w" | "a" }): Promise<void>;
    /** mkdirSync. */
    function mkdir(path: string, options?: number | { recursive?: boolean; mode?: number }): Promise<string | undefined>;
    /** readdirSync's names. */
    function readdir(path: string, options?: { withFileTypes?: false }): Promise<string[]>;
    /** readdirSync's entries. */
    function readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>;
    /** statSync. */
    function stat(path: string, options?: { throwIfNoEntry?: boolean }): Promise<Stats>;
    /** unlinkSync. */
    function unlink(path: string): Promise<void>;
    /** renameSync. */
    function rename(oldPath: string, newPath: string): Promise<void>;
  }
}

// ---------------------------------------------------------------------------------------
// csv: require("csv"), CSV text and files to objects and back.
// ---------------------------------------------------------------------------------------

declare module "csv" {
  /** Options of parse, parseFile and reader. */
  export interface ParseOptions {
    /** The first row names the columns and rows become objects of strings (default true); false gives arrays of strings. */
    header?: boolean;
    /** Names for the columns (rows become objects; with header: true the file's own header row is skipped). */
    columns?: string[];
    /** One character (default ","). */
    delimiter?: string;
    /** Only '"' (the default) is supported. */
    quote?: string;
    /** Accept quotes inside unquoted fields and stray quotes in quoted ones (default false). */
    lazyQuotes?: boolean;
    /** Drop leading spaces of fields (default false). */
    trim?: boolean;
    /** Lines starting with this character are skipped. */
    comment?: string;
    /** Rows may have fewer or more fields than the header (default false): missing ones are "". */
    relaxColumnCount?: boolean;
    /** "throw" (default) or "yield": reader gives a broken row as {line, error} and goes on. */
    errors?: "throw" | "yield";
    /** Files only: "utf8" (default; bytes that are not UTF-8 make the row an error), "windows-1250", "cp1250", "windows-1252", "cp1252", "iso-8859-1", "latin1", "iso-8859-2", "latin2", "utf-16", "utf-16le", "utf-16be". */
    encoding?: string;
  }

  /** A column of stringify and writer: a key or dotted path ("queue.title"), or {key, header} to give it its own header. */
  export type Column = string | { key: string; header?: string };

  /** Options of stringify and writer. */
  export interface StringifyOptions {
    /** The columns in order (default: the keys of the first row). */
    columns?: Column[];
    /** Write a header row (default true). */
    header?: boolean;
    /** One character (default ","). */
    delimiter?: string;
    /** End lines with "\r\n" (default false). */
    crlf?: boolean;
    /** Start with a UTF-8 byte order mark, as Excel wants (default false). */
    bom?: boolean;
    /** writer only: append to the file; no header or BOM when it already has content (default false). */
    append?: boolean;
    /** Put ' in front of every cell a spreadsheet would run as a formula (CSV injection): cells starting with =, @, a tab or a carriage return, and with + or - unless the whole cell is a number ("-12.5") or a phone number ("+420 226 211 245"). Use it for files people open in Excel or LibreOffice whose cells hold text from records (default false). */
    escapeFormulas?: boolean;
  }

  /** A row read by reader: the record and the line it starts on, or (errors: "yield") the reason it is broken. */
  export interface CsvRow<R = { [column: string]: string }> {
    /** The file line the row starts on. */
    line: number;
    /** The row, as parse gives it (missing for a broken row). */
    record?: R;
    /** Why the row is broken (errors: "yield" only). */
    error?: string;
  }

  /** The rows of a file, one at a time; the file is closed at the end, on break and on error. */
  export interface RowIterator extends IterableIterator<CsvRow> {
    /** The next row. */
    next(): IteratorResult<CsvRow>;
    /** Stops early and closes the file. */
    return(value?: any): IteratorResult<CsvRow>;
    /** Closes the file. */
    close(): void;
    /** The iterator itself. */
    [Symbol.iterator](): RowIterator;
  }

  /** A streaming CSV writer: memory stays flat. The file is complete once closed, or when the script ends if it never closes it; close it in a finally block to see a failed flush. */
  export interface CsvWriter {
    /** Writes one row (an object, or an array of values). */
    write(row: object | any[]): CsvWriter;
    /** Writes every row of an array or iterable. */
    writeAll(rows: Iterable<object | any[]>): CsvWriter;
    /** Writes the header if no row came, flushes and closes the file. */
    close(): void;
    /** Rows written so far. */
    readonly count: number;
    /** The path as given. */
    path: string;
  }

  /** Parses CSV text into rows: objects keyed by the header (default) or arrays. A broken row throws an Error with code "ERR_CSV_PARSE", line and column. */
  export function parse(text: string, options?: ParseOptions): any[];
  /** Parses a CSV file (UTF-8 unless options.encoding says otherwise); errors name the file and line, e.g. "import.csv:17: wrong number of fields". */
  export function parseFile(path: string, options?: ParseOptions): any[];
  /** The rows of a file one at a time as {line, record}, for imports that report by line. */
  export function reader(path: string, options?: ParseOptions): RowIterator;
  /** Writes rows (objects or arrays) as CSV text; undefined and null become empty fields, Dates ISO 8601, nested objects JSON. */
  export function stringify(rows: Iterable<object | any[]>, options?: StringifyOptions): string;
  /** A streaming writer to path ("/dev/stdout" writes to the run's output). */
  export function writer(path: string, options?: StringifyOptions): CsvWriter;
}

// ---------------------------------------------------------------------------------------
// path: require("path"), Node's path functions for the system's paths.
// ---------------------------------------------------------------------------------------

declare module "path" {
  /** What parse returns and format takes. */
  export interface ParsedPath {
    /** "/" for an absolute path, else "". */
    root: string;
    /** The directory. */
    dir: string;
    /** The last part, with the extension. */
    base: string;
    /** The extension with its dot, or "". */
    ext: string;
    /** The last part without the extension. */
    name: string;
  }
  /** Joins parts with the separator and normalises the result. */
  export function join(...parts: string[]): string;
  /** An absolute path: parts resolved right to left, against the working directory (the same base fs and csv use). */
  export function resolve(...parts: string[]): string;
  /** Resolves "." and ".." and repeated separators. */
  export function normalize(path: string): string;
  /** The directory part. */
  export function dirname(path: string): string;
  /** The last part, without ext when it ends with it. */
  export function basename(path: string, ext?: string): string;
  /** The extension with its dot (".csv"), or "". */
  export function extname(path: string): string;
  /** The relative path from from to to. */
  export function relative(from: string, to: string): string;
  /** Whether path is absolute. */
  export function isAbsolute(path: string): boolean;
  /** Splits a path into root, dir, base, ext and name. */
  export function parse(path: string): ParsedPath;
  /** Builds a path from parts (the opposite of parse). */
  export function format(pathObject: Partial<ParsedPath>): string;
  /** The path separator, "/" (or "\\" on Windows). */
  export const sep: string;
  /** The PATH list separator, ":" (or ";" on Windows). */
  export const delimiter: string;
}

// ---------------------------------------------------------------------------------------
// dates: require("dates"), the API's zone-less local times and report ranges.
// ---------------------------------------------------------------------------------------

declare module "dates" {
  /** A point in time: a Date, milliseconds since 1970, or a string dates.parse reads. */
  export type DateLike = Date | number | string;

  /** A day range ready for filters: ("time", "gte", r.from) with ("time", "lte", r.to), or ("time", "lt", r.before). */
  export interface DateRange {
    /** The first second, "YYYY-MM-DD 00:00:00". */
    from: string;
    /** The last second, "YYYY-MM-DD 23:59:59". */
    to: string;
    /** The midnight after the range. */
    before: string;
  }

  /** A point in time's calendar fields in the instance's zone (dates.parts). */
  export interface DateParts {
    /** The year, e.g. 2026. */
    year: number;
    /** 1 to 12 (not getMonth's 0 to 11). */
    month: number;
    /** The day of the month, 1 to 31. */
    day: number;
    /** 0 to 23. */
    hour: number;
    /** 0 to 59. */
    minute: number;
    /** 0 to 59. */
    second: number;
    /** 0 to 999. */
    millisecond: number;
    /** 0 for Sunday to 6 for Saturday, as getDay. */
    weekday: number;
  }

  /** A range name: "today", "yesterday", "last<N>days" (the N whole days before today), "thisWeek", "lastWeek" (weeks start on Monday), "thisMonth", "lastMonth", "thisYear", "lastYear". */
  export type RangeName = "today" | "yesterday" | "thisWeek" | "lastWeek" | "thisMonth" | "lastMonth" | "thisYear" | "lastYear" | `last${number}days`;

  /** "YYYY-MM-DD HH:MM:SS" in the instance's zone, as the API writes times. */
  export function format(date: DateLike): string;
  /** "YYYY-MM-DD" in the instance's zone. */
  export function formatDate(date: DateLike): string;
  /** A Date from "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD HH:MM", "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" (local in the instance's zone) or RFC 3339 with a zone; null for null, undefined and "". An unreadable string throws a RangeError. A Date is a point in time: read its calendar fields with parts (or getDate and the like under dkscript, which runs in the instance's zone). */
  export function parse(text: string | null | undefined): Date | null;
  /** The current time. */
  export function now(): Date;
  /** Today's local midnight. */
  export function today(): Date;
  /** Yesterday's local midnight. */
  export function yesterday(): Date;
  /** The local midnight of date's day. */
  export function startOfDay(date: DateLike): Date;
  /** The last second of date's day. */
  export function endOfDay(date: DateLike): Date;
  /** days calendar days later (negative: earlier) at the same wall-clock time, right across daylight-saving changes. */
  export function addDays(date: DateLike, days: number): Date;
  /** The range of a name such as "yesterday" or "last7days". */
  export function range(name: RangeName): DateRange;
  /** The days from from to to, both included. */
  export function range(from: DateLike, to: DateLike): DateRange;
  /** date's calendar fields (year, month 1-12, day, hour, ...) in the instance's zone, wherever the script runs. */
  export function parts(date: DateLike): DateParts;
  /** The instance's time zone, e.g. "Europe/Prague". */
  export const timeZone: string;
}

// ---------------------------------------------------------------------------------------
// util: require("util"), formatting as console does, and command-line options.
// ---------------------------------------------------------------------------------------

declare module "util" {
  /** inspect's options. */
  export interface InspectOptions {
    /** How deep to show nested objects (default 2; null: all). */
    depth?: number | null;
    /** ANSI colours. */
    colors?: boolean;
    /** Line width before objects break over lines (default 80). */
    breakLength?: number;
    /** Most array items shown. */
    maxArrayLength?: number;
    /** How many inner levels stay on one line. */
    compact?: number;
  }
  /** Formats like console.log: %s %d %i %f %j %o %O %% and the other arguments inspected. */
  export function format(format?: any, ...args: any[]): string;
  /** format with inspect options. */
  export function formatWithOptions(options: InspectOptions, format?: any, ...args: any[]): string;
  /** A value as console.log shows it. */
  export function inspect(value: any, options?: InspectOptions): string;

  /** One option parseArgs accepts, under its long name (--out). */
  export interface ParseArgsOptionConfig {
    /** "string": takes a value (--out FILE, --out=FILE, -o FILE, -oFILE); "boolean": takes none. */
    type: "string" | "boolean";
    /** A one-character alias: "o" for -o; booleans group, as in -vq. */
    short?: string;
    /** Every use is collected, in order, into an array. */
    multiple?: boolean;
    /** The value when the option is not given (an array for multiple). */
    default?: string | boolean | string[] | boolean[];
  }
  /** parseArgs's configuration. */
  export interface ParseArgsConfig {
    /** The arguments to parse (default: process.argv.slice(2), the script's arguments). */
    args?: string[];
    /** The options, by long name. */
    options?: { [name: string]: ParseArgsOptionConfig };
    /** Throw on unknown options and on values of the wrong kind (default true). */
    strict?: boolean;
    /** Accept arguments that are not options (default: false when strict). */
    allowPositionals?: boolean;
    /** Also return the tokens the arguments were read as (default false). */
    tokens?: boolean;
  }
  /** How parseArgs read one argument (with tokens: true). */
  export type ParseArgsToken = { kind: "option"; name: string; rawName: string; index: number; value: string | undefined; inlineValue: boolean | undefined } | { kind: "positional"; index: number; value: string } | { kind: "option-terminator"; index: number };
  /** What parseArgs returns. */
  export interface ParsedArgs {
    /**
     * The options given, and the defaults of those not given, by long name: a string for
     * a "string" option, true for a "boolean" one, an array of them for multiple. Typed
     * loosely (any) so scripts can check and convert values in place (args.days =
     * Number(args.days)), as the gallery scripts do.
     */
    values: { [name: string]: any };
    /** The other arguments, in order (everything after "--" included). */
    positionals: string[];
    /** With tokens: true, how each argument was read. */
    tokens?: ParseArgsToken[];
  }
  /**
   * Parses command-line options as Node's util.parseArgs does. A mistake throws a
   * TypeError whose code says what was wrong: ERR_PARSE_ARGS_UNKNOWN_OPTION,
   * ERR_PARSE_ARGS_INVALID_OPTION_VALUE (a missing, unexpected or ambiguous value),
   * ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL.
   */
  export function parseArgs(config?: ParseArgsConfig): ParsedArgs;
  /** fn, which takes a last callback (err, value), as a function returning a Promise of value (rejected with err); fn[promisify.custom] when set. */
  export function promisify(fn: Function): (...args: any[]) => Promise<any>;
  /** promisify's symbol. */
  export namespace promisify {
    /** The symbol (Symbol.for("nodejs.util.promisify.custom")) a function sets to its own promise version. */
    const custom: unique symbol;
  }
}

// ---------------------------------------------------------------------------------------
// crypto: require("crypto") (or "node:crypto"), also the global crypto.
// ---------------------------------------------------------------------------------------

declare module "crypto" {
  /** The digests createHash and createHmac take. */
  export type Algorithm = "md5" | "sha1" | "sha256" | "sha512";
  /** Bytes a hash reads: a string (UTF-8 unless an input encoding says otherwise) or binary data. */
  export type BinaryLike = string | Uint8Array | ArrayBuffer | DataView;
  /** A hash or HMAC in progress: update, then digest once. */
  export interface Hash {
    /** Adds data (a string in inputEncoding: "utf8" (default), "hex", "base64" or "latin1"); returns this hash for chaining. */
    update(data: BinaryLike, inputEncoding?: "utf8" | "utf-8" | "hex" | "base64" | "latin1"): Hash;
    /** The digest as a hex, base64 or base64url string; finishes the hash (a second call throws "Digest already called"). */
    digest(encoding: "hex" | "base64" | "base64url" | "latin1"): string;
    /** The digest as a Buffer. */
    digest(): Buffer;
  }
  /** A hash of algorithm. */
  export function createHash(algorithm: Algorithm): Hash;
  /** An HMAC of algorithm with key (e.g. a webhook secret). */
  export function createHmac(algorithm: Algorithm, key: BinaryLike): Hash;
  /** The algorithms createHash and createHmac take. */
  export function getHashes(): Algorithm[];
  /** A random version 4 UUID, e.g. "3b241101-e2bb-4255-8caf-4136c566a962". */
  export function randomUUID(): string;
  /** Fills an integer typed array (at most 65,536 bytes) with random values and returns it. */
  export function getRandomValues<T extends Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array>(array: T): T;
}

// ---------------------------------------------------------------------------------------
// os: require("os") (or "node:os").
// ---------------------------------------------------------------------------------------

declare module "os" {
  /** The line end: "\n" ("\r\n" on Windows). */
  export const EOL: string;
  /** The machine's host name. */
  export function hostname(): string;
  /** The directory for temporary files, without a trailing separator. */
  export function tmpdir(): string;
  /** The user's home directory ("" when unknown). */
  export function homedir(): string;
  /** "linux", "darwin", "win32", ... as process.platform. */
  export function platform(): string;
  /** "Linux", "Darwin", "Windows_NT", ... */
  export function type(): string;
  /** "x64", "arm64", "ia32", ... */
  export function arch(): string;
}

// ---------------------------------------------------------------------------------------
// assert: require("assert") (or "node:assert"), Node's checks.
// ---------------------------------------------------------------------------------------

declare module "assert" {
  /** What throws and rejects compare the error with: a class, a RegExp for its text, a validation function or an object of expected properties. */
  export type ErrorMatcher = Function | RegExp | { [key: string]: any };
  /** What a failed check throws: code "ERR_ASSERTION", with actual, expected and operator. */
  export class AssertionError extends Error {
    constructor(options: { message?: string; actual?: any; expected?: any; operator?: string });
    /** "ERR_ASSERTION". */
    code: string;
    /** The value checked. */
    actual: any;
    /** The value wanted. */
    expected: any;
    /** The check: "==", "strictEqual", "deepStrictEqual", "throws", ... */
    operator: string;
    /** Whether the message was made by the check (not given by the script). */
    generatedMessage: boolean;
  }
  /** Throws unless value is truthy (the module itself, assert(value), does the same). */
  export function ok(value: any, message?: string | Error): asserts value;
  /** Throws unless actual == expected. */
  export function equal(actual: any, expected: any, message?: string | Error): void;
  /** Throws if actual == expected. */
  export function notEqual(actual: any, expected: any, message?: string | Error): void;
  /** Throws unless Object.is(actual, expected). */
  export function strictEqual<T>(actual: any, expected: T, message?: string | Error): asserts actual is T;
  /** Throws if Object.is(actual, expected). */
  export function notStrictEqual(actual: any, expected: any, message?: string | Error): void;
  /** Throws unless actual and expected are deeply equal: same prototypes, Object.is for primitives, Date, RegExp, Map, Set, typed arrays. */
  export function deepStrictEqual<T>(actual: any, expected: T, message?: string | Error): asserts actual is T;
  /** Throws if actual and expected are deeply equal. */
  export function notDeepStrictEqual(actual: any, expected: any, message?: string | Error): void;
  /** Throws unless fn throws (an error matching expected, when given). */
  export function throws(fn: () => any, expected?: ErrorMatcher | string, message?: string | Error): void;
  /** Throws if fn throws. */
  export function doesNotThrow(fn: () => any, message?: string): void;
  /** Rejects unless the promise (or fn's) rejects (with an error matching expected, when given). */
  export function rejects(promiseOrFn: Promise<any> | (() => Promise<any>), expected?: ErrorMatcher | string, message?: string | Error): Promise<void>;
  /** Throws unless string matches regexp. */
  export function match(string: string, regexp: RegExp, message?: string | Error): void;
  /** Throws an AssertionError with message (default "Failed"). */
  export function fail(message?: string | Error): never;
}

// ---------------------------------------------------------------------------------------
// The same modules under Node's "node:" prefix.
// ---------------------------------------------------------------------------------------

declare module "node:fs" {
  export * from "fs";
}
declare module "node:path" {
  export * from "path";
}
declare module "node:util" {
  export * from "util";
}
declare module "node:crypto" {
  export * from "crypto";
}
declare module "node:os" {
  export * from "os";
}
declare module "node:assert" {
  export * from "assert";
}

// ---------------------------------------------------------------------------------------
// Globals.
// ---------------------------------------------------------------------------------------

/** The daktela module (the same object require("daktela") returns). */
declare const daktela: typeof import("daktela");

/** Loads a module: "daktela", "fs", "csv", "path", "dates", "util", "crypto", "os", "assert", "url", "buffer" (each also with the "node:" prefix), or a relative file ("./lib.js", "./data.json"). require("daktela") is typed in .ts files too. */
declare function require(id: "daktela"): typeof import("daktela");
declare function require(id: string): any;
/** require's properties. */
declare namespace require {
  /** The module of the script dkscript runs: `require.main === module` is true in that script and false in the modules it requires. */
  const main: DkscriptModule;
}

/** Console output: log, info and debug to stdout; warn, error, trace and assert to stderr. Objects print as Node prints them. */
declare namespace console {
  /** Prints the arguments on stdout (format placeholders as util.format). */
  function log(...data: any[]): void;
  /** Same as log. */
  function info(...data: any[]): void;
  /** Same as log. */
  function debug(...data: any[]): void;
  /** Prints on stderr. */
  function warn(...data: any[]): void;
  /** Prints on stderr. */
  function error(...data: any[]): void;
  /** Prints value inspected with options ({depth}). */
  function dir(value: any, options?: { depth?: number | null }): void;
  /** Prints an array of objects (or an object of objects) as a table, optionally only columns. Responses print their data. */
  function table(data: any, columns?: string[]): void;
  /** Prints "Trace: ..." and the call stack on stderr. */
  function trace(...data: any[]): void;
  /** Prints "Assertion failed" on stderr when condition is falsy (does not throw). */
  function assert(condition?: any, ...data: any[]): void;
  /** Prints how many times count was called with label. */
  function count(label?: string): void;
  /** Resets the count of label. */
  function countReset(label?: string): void;
  /** Prints the arguments and indents what follows. */
  function group(...label: any[]): void;
  /** Same as group. */
  function groupCollapsed(...label: any[]): void;
  /** Ends the innermost group. */
  function groupEnd(): void;
  /** Starts a timer named label. */
  function time(label?: string): void;
  /** Prints the timer's time and stops it. */
  function timeEnd(label?: string): void;
  /** Prints the timer's time so far. */
  function timeLog(label?: string, ...data: any[]): void;
}

/** The run: arguments, environment, exit and output streams. */
declare namespace process {
  /** ["dkscript", the script's absolute path, ...the arguments after the script]. */
  const argv: string[];
  /** The script's environment (the CLI gives the environment plus --env-file and -e, without DAKTELA_TOKEN, which it withholds from every script: use daktela.client(); embedders only what they grant). */
  const env: { [name: string]: string | undefined };
  /** The operating system, e.g. "linux". */
  const platform: string;
  /** The exit code used when the script ends normally (default 0). */
  let exitCode: number | undefined;
  /** Ends the run at once with code (default exitCode, else 0); pending timers and requests are dropped. */
  function exit(code?: number): never;
  /** The working directory (needs file access). */
  function cwd(): string;
  /** The run's standard output. */
  const stdout: WriteStream;
  /** The run's standard error. */
  const stderr: WriteStream;
  /** An output stream of the run. */
  interface WriteStream {
    /** Writes text as it is (no newline added). */
    write(text: string | Uint8Array): boolean;
    /** Always false: scripts should not depend on a terminal. */
    isTTY: boolean;
  }
}

/** Blocks the script for ms milliseconds (interruptible: Ctrl-C and --timeout stop it). Timers do not fire meanwhile. */
declare function sleep(ms: number): void;

/** Asks a yes/no question on the terminal (stderr) and reads the answer from stdin: true for y or yes (any case). Without a terminal it returns false at once; under dkscript --yes, true without asking. */
declare function confirm(message?: string): boolean;
/** Asks for a line of text on the terminal (stderr, "message [default] ") and returns what was typed, defaultValue for an empty line, and defaultValue (or null) at the end of input. Without a terminal it returns defaultValue (or null) at once, as it does under dkscript --yes. */
declare function prompt(message?: string, defaultValue?: string): string | null;

/** A CommonJS module object, as Node's. */
interface DkscriptModule {
  /** "." for the main script, else the module's absolute path. */
  id: string;
  /** The module's absolute path. */
  filename: string;
  /** The directory of filename. */
  path: string;
  /** What require() of the module returns. */
  exports: any;
}

/** The absolute path of the file this code is in (the running script's or a required module's; "<stdin>" for a script read from standard input). Also in ES modules and TypeScript files, which dkscript runs as CommonJS. */
declare const __filename: string;
/** The absolute directory of __filename (the working directory for a script read from standard input). */
declare const __dirname: string;
/** The current module: in the script dkscript runs, the main module (require.main). */
declare var module: DkscriptModule;
/** The current module's exports (module.exports). */
declare var exports: any;

/** import.meta of an ES module or TypeScript file, as Node 20 has it. */
interface ImportMeta {
  /** The file's file:// URL. */
  url: string;
  /** The file's absolute path. */
  filename: string;
  /** The absolute directory of filename. */
  dirname: string;
}
/** Calls callback after ms milliseconds (at least 1) with args; returns an id for clearTimeout. The run waits for pending timers. */
declare function setTimeout(callback: (...args: any[]) => void, ms?: number, ...args: any[]): number;
/** Calls callback every ms milliseconds until clearInterval (the run does not end while it is set). */
declare function setInterval(callback: (...args: any[]) => void, ms?: number, ...args: any[]): number;
/** Calls callback as soon as the current work is done. */
declare function setImmediate(callback: (...args: any[]) => void, ...args: any[]): number;
/** Cancels a setTimeout. */
declare function clearTimeout(id?: number): void;
/** Cancels a setInterval. */
declare function clearInterval(id?: number): void;
/** Cancels a setImmediate. */
declare function clearImmediate(id?: number): void;
/** Runs callback after the current job, before timers. */
declare function queueMicrotask(callback: () => void): void;

/** Bytes (goja_nodejs's partial Node Buffer): what fs.readFileSync returns without an encoding. */
interface Buffer extends Uint8Array {
  /** The bytes as a string in encoding (default utf8). */
  toString(encoding?: string, start?: number, end?: number): string;
  /** Whether the bytes are equal. */
  equals(other: Uint8Array): boolean;
}

/** Makes Buffers. */
declare namespace Buffer {
  /** Bytes of a string in encoding (default utf8), of an array, or a copy of bytes. */
  function from(data: string | ArrayLike<number> | ArrayBuffer, encoding?: string): Buffer;
  /** size zero bytes (or filled with fill). */
  function alloc(size: number, fill?: string | number): Buffer;
  /** The buffers one after the other. */
  function concat(list: Uint8Array[], totalLength?: number): Buffer;
}

/** A WHATWG URL. */
declare class URL {
  /** Parses url, relative to base when given. */
  constructor(url: string, base?: string | URL);
  /** The whole URL. */
  href: string;
  /** "https:". */
  protocol: string;
  /** Host and port. */
  host: string;
  /** Host without the port. */
  hostname: string;
  /** The port, or "". */
  port: string;
  /** The path. */
  pathname: string;
  /** "?..." or "". */
  search: string;
  /** The query parameters. */
  readonly searchParams: URLSearchParams;
  /** "#..." or "". */
  hash: string;
  /** The origin. */
  readonly origin: string;
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** href. */
  toString(): string;
  /** href. */
  toJSON(): string;
}

/** Query parameters. */
declare class URLSearchParams {
  /** From "a=1&b=2", pairs or an object. */
  constructor(init?: string | [string, string][] | { [key: string]: string });
  /** Adds a value. */
  append(name: string, value: string): void;
  /** Removes every value of name. */
  delete(name: string): void;
  /** The first value of name, or null. */
  get(name: string): string | null;
  /** Every value of name. */
  getAll(name: string): string[];
  /** Whether name is set. */
  has(name: string): boolean;
  /** Replaces the values of name. */
  set(name: string, value: string): void;
  /** Sorts by name. */
  sort(): void;
  /** "a=1&b=2". */
  toString(): string;
  /** Calls fn for each pair. */
  forEach(fn: (value: string, name: string) => void): void;
  /** The [name, value] pairs. */
  entries(): IterableIterator<[string, string]>;
  /** The names. */
  keys(): IterableIterator<string>;
  /** The values. */
  values(): IterableIterator<string>;
  /** The [name, value] pairs. */
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

/** The crypto module (the same object require("crypto") returns): randomUUID, getRandomValues, createHash, createHmac. */
declare const crypto: typeof import("crypto");

/** Encodes strings as UTF-8 bytes. */
declare class TextEncoder {
  constructor();
  /** Always "utf-8". */
  readonly encoding: string;
  /** The UTF-8 bytes of input. */
  encode(input?: string): Uint8Array;
  /** Writes as much of source as fits (whole characters) into destination; read counts UTF-16 units, written bytes. */
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

/** Decodes UTF-8 bytes into strings (UTF-8 only: another label throws a RangeError). */
declare class TextDecoder {
  /** fatal: throw a TypeError on bytes that are not UTF-8 instead of writing U+FFFD; ignoreBOM: keep a leading byte order mark. */
  constructor(label?: "utf-8" | "utf8", options?: { fatal?: boolean; ignoreBOM?: boolean });
  /** Always "utf-8". */
  readonly encoding: string;
  /** Whether decode throws on bytes that are not UTF-8. */
  readonly fatal: boolean;
  /** Whether a leading byte order mark is kept. */
  readonly ignoreBOM: boolean;
  /** The text of the bytes. */
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

/** Base64 of a string whose characters are all at most U+00FF ("Invalid character" otherwise). */
declare function btoa(data: string): string;

/** Decodes base64 (whitespace ignored, padding optional) into a string of one character per byte. */
declare function atob(data: string): string;

/** A deep copy of plain data (objects, arrays, Date, RegExp, Map, Set, errors, typed arrays), keeping shared and circular references; a function or symbol throws a DataCloneError. */
declare function structuredClone<T>(value: T): T;

/** What a body may be: text (sent as text/plain;charset=UTF-8), bytes, or form fields (application/x-www-form-urlencoded). */
type BodyInit = string | ArrayBuffer | ArrayBufferView | URLSearchParams;

/** Headers as an object, [name, value] pairs or Headers. */
type HeadersInit = Headers | Record<string, string> | [string, string][];

/** HTTP headers: case-insensitive names, iterated sorted by lower-case name, Set-Cookie values kept apart. */
declare class Headers {
  constructor(init?: HeadersInit);
  /** Adds a value to name (a second value is joined with ", " by get). */
  append(name: string, value: string): void;
  /** Removes name. */
  delete(name: string): void;
  /** The values of name joined with ", ", or null. */
  get(name: string): string | null;
  /** Every Set-Cookie value. */
  getSetCookie(): string[];
  /** Whether name is set. */
  has(name: string): boolean;
  /** Replaces the values of name. */
  set(name: string, value: string): void;
  /** Calls fn for each header, sorted by name. */
  forEach(fn: (value: string, name: string, headers: Headers) => void, thisArg?: any): void;
  /** The [name, value] pairs, sorted by name. */
  entries(): IterableIterator<[string, string]>;
  /** The names, sorted. */
  keys(): IterableIterator<string>;
  /** The values, sorted by name. */
  values(): IterableIterator<string>;
  /** The [name, value] pairs, sorted by name. */
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

/** The options of fetch and new Request. */
interface RequestInit {
  /** "GET" (default), "POST", "PUT", "PATCH", "DELETE", ... */
  method?: string;
  /** The request's headers. */
  headers?: HeadersInit;
  /** The request's body (not with GET or HEAD); send JSON as JSON.stringify(value). */
  body?: BodyInit | null;
  /** "follow" (default, at most 20), "manual" (the 3xx answer is the response) or "error" (rejects). */
  redirect?: "follow" | "error" | "manual";
  /** Aborts the request: an AbortController's signal or AbortSignal.timeout(ms). */
  signal?: AbortSignal | null;
}

/** A request for fetch. */
declare class Request {
  constructor(input: string | URL | Request, init?: RequestInit);
  /** The absolute URL. */
  readonly url: string;
  /** The method, upper-case for the standard ones. */
  readonly method: string;
  /** The request's headers. */
  readonly headers: Headers;
  /** The signal that aborts it. */
  readonly signal: AbortSignal;
  /** The redirect mode. */
  readonly redirect: "follow" | "error" | "manual";
  /** Whether the body was read. */
  readonly bodyUsed: boolean;
  /** A copy with its own body. */
  clone(): Request;
  /** The body as text (UTF-8). */
  text(): Promise<string>;
  /** The body parsed as JSON. */
  json(): Promise<any>;
  /** The body's bytes. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The options of new Response. */
interface ResponseInit {
  /** 200 to 599 (default 200). */
  status?: number;
  /** The status text. */
  statusText?: string;
  /** The response's headers. */
  headers?: HeadersInit;
}

/** An answer of fetch (or one a script makes). The body is read once. */
declare class Response {
  constructor(body?: BodyInit | null, init?: ResponseInit);
  /** A network error response (status 0). */
  static error(): Response;
  /** A redirect to url (status 301, 302, 303, 307 or 308). */
  static redirect(url: string | URL, status?: number): Response;
  /** A response whose body is JSON.stringify(data), with Content-Type application/json. */
  static json(data: any, init?: ResponseInit): Response;
  /** Whether status is 200 to 299. */
  readonly ok: boolean;
  /** The HTTP status. */
  readonly status: number;
  /** The status text ("OK"). */
  readonly statusText: string;
  /** The answer's headers. */
  readonly headers: Headers;
  /** The final URL, after redirects ("" for a response a script made). */
  readonly url: string;
  /** Whether a redirect was followed. */
  readonly redirected: boolean;
  /** "basic" for fetch's answers, "default" for a script's own, "error". */
  readonly type: string;
  /** Whether the body was read. */
  readonly bodyUsed: boolean;
  /** A copy with its own body. */
  clone(): Response;
  /** The body as text (UTF-8). */
  text(): Promise<string>;
  /** The body parsed as JSON (a SyntaxError when it is not JSON). */
  json(): Promise<any>;
  /** The body's bytes. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Sends an HTTP request (with the Net capability, which the CLI grants; --allow-net limits the hosts) and resolves with the whole answer, or rejects with a TypeError saying why. Never sends the Daktela token. */
declare function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;

/** Tells a fetch (or anything listening) to stop. */
declare class AbortSignal {
  /** A signal already aborted with reason (default an AbortError DOMException). */
  static abort(reason?: any): AbortSignal;
  /** A signal that aborts with a TimeoutError DOMException after ms; its timer does not keep a script running. */
  static timeout(ms: number): AbortSignal;
  /** A signal that aborts when any of signals does, with its reason. */
  static any(signals: Iterable<AbortSignal>): AbortSignal;
  /** Whether it has aborted. */
  readonly aborted: boolean;
  /** Why it aborted. */
  readonly reason: any;
  /** Called when it aborts. */
  onabort: ((event: { type: "abort"; target: AbortSignal }) => void) | null;
  /** Throws reason if it has aborted. */
  throwIfAborted(): void;
  /** Calls listener when it aborts (type "abort"). */
  addEventListener(type: "abort", listener: (event: { type: "abort"; target: AbortSignal }) => void, options?: { once?: boolean }): void;
  /** Calls the listeners of event.type ("abort"); true. */
  dispatchEvent(event: { type: string }): boolean;
  /** Removes a listener. */
  removeEventListener(type: "abort", listener: (event: { type: "abort"; target: AbortSignal }) => void): void;
}

/** Aborts the fetches given its signal. */
declare class AbortController {
  constructor();
  /** The signal to pass as fetch's signal option. */
  readonly signal: AbortSignal;
  /** Aborts the signal with reason (default an AbortError DOMException). */
  abort(reason?: any): void;
}

/** The error of an abort ("AbortError", code 20) or a timeout ("TimeoutError", code 23). */
declare class DOMException extends Error {
  constructor(message?: string, name?: string);
  /** "AbortError", "TimeoutError", ... */
  readonly name: string;
  /** The legacy code of name (0 for others). */
  readonly code: number;
}

/** Locale-aware formatting for cs, sk, en, de, pl and hu as Node prints it (other locales format as en-US): Intl.NumberFormat (decimal, percent, currency; fraction and integer digits, grouping) and Intl.DateTimeFormat (dateStyle, timeStyle short/medium, timeZone, a few option sets), declared by TypeScript's own library. */
declare namespace Intl {}

/** High-resolution time. */
declare namespace performance {
  /** Milliseconds (with fractions) since the run started. */
  function now(): number;
  /** When the run started, in milliseconds since 1970. */
  const timeOrigin: number;
  /** { timeOrigin }. */
  function toJSON(): { timeOrigin: number };
}
