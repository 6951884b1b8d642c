// A CommonJS module, as scripts have always required them.
exports.shout = (s) => s.toUpperCase() + "!";
