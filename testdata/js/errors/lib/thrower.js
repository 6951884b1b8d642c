// This module fails while it loads.
const config = { retries: 3 };
exports.retries = config.retries;
throw new RangeError('retries out of range: ' + config.retries);
