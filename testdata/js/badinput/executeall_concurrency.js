// executeAll keeps at most 64 requests in flight, as iterate and setConcurrency do.
await daktela.client().executeAll([daktela.buildReadRequest("Users")], { concurrency: 100000 });
