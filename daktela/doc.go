// Package daktela is a pure-Go client for the Daktela V6 REST API.
//
// It offers everything the official PHP connector (daktela/daktela-v6-php-connector)
// offers, under names a PHP user recognises, and fixes what that connector gets wrong:
//
//   - requests are built with the same builders: [BuildReadRequest],
//     [BuildReadSingleRequest], [BuildReadRelationRequest], [BuildCreateRequest],
//     [BuildUpdateRequest], [BuildDeleteRequest] and their chainable methods;
//   - [Client.Execute] sends one request and returns a [Response];
//   - [Client.Iterate] streams every record of a read, fetching further pages
//     concurrently once the first page gives the total, holding only the pages in flight;
//     a loop that changes the records it is given (so they no longer match, or move
//     along the sort key) still visits each once (see [Client.Iterate]);
//   - every call takes a [context.Context]; cancelling it stops requests and waits at once;
//   - reads are retried on transient failures, writes only when the request provably never
//     reached the server, so no retry can create a duplicate;
//   - HTTP 429 answers are waited out as Retry-After asks, within bounds;
//   - the access token never appears in an error, a log line or a panic, also when it
//     travels in the query string, nor does a sign-in password, also when a server's
//     answer echoes them;
//   - a redirect is followed only to the same origin and never from https to http, and
//     a write follows only a 307 or 308 (see [ErrRedirect]), so credentials and data
//     stay with the instance.
//
// Non-2xx answers are returned as errors ([*RequestError], [*NotFoundError],
// [*RateLimitError]), as the PHP connector really behaves; use [errors.As] to inspect them.
//
// The package never imports goja: the JavaScript bindings live in the bindings packages.
package daktela
