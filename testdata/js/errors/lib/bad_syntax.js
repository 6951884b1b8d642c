exports.ok = true;
exports.broken = function (a b) {};
