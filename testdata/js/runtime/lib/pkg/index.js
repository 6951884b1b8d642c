exports.name = 'pkg from index.js';
