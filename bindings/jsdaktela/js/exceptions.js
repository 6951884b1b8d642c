// The daktela exception classes, as in the PHP connector: every exception the module
// throws for a failed request is a RequestException (or a subclass), itself an Error.
(function () {
	"use strict";

	class RequestException extends Error {
		// message, HTTP status (0 when no answer arrived), the API's error member, the
		// raw body of the failed answer.
		constructor(message, code, errors, responseBody) {
			super(message === undefined ? "" : String(message));
			this.code = typeof code === "number" ? code : 0;
			this.errors = errors === undefined ? [] : errors;
			Object.defineProperty(this, "responseBody", {
				value: responseBody === undefined ? null : responseBody,
				writable: true, configurable: true, enumerable: false,
			});
		}
		getMessage() { return this.message; }
		getCode() { return this.code; }
		// The HTTP status, or null when no answer arrived.
		getHttpStatus() { return this.code === 0 ? null : this.code; }
		getErrors() { return this.errors; }
		getApiErrors() { return this.errors; }
		getResponseBody() { return this.responseBody; }
	}

	class NotFoundException extends RequestException {}

	class RateLimitException extends RequestException {
		constructor(message, code, errors, responseBody, retryAfterSeconds) {
			super(message, code === undefined ? 429 : code, errors, responseBody);
			this.retryAfterSeconds = typeof retryAfterSeconds === "number" ? retryAfterSeconds : 0;
		}
		getRetryAfterSeconds() { return this.retryAfterSeconds; }
	}

	class UnknownRequestTypeException extends RequestException {
		constructor(message, code) {
			super(message === undefined ? "Unknown request type" : message, code === undefined ? 500 : code);
		}
	}

	const classes = { RequestException, NotFoundException, RateLimitException, UnknownRequestTypeException };
	for (const name of Object.keys(classes)) {
		Object.defineProperty(classes[name].prototype, "name", {
			value: name, writable: true, configurable: true, enumerable: false,
		});
	}
	return classes;
})
