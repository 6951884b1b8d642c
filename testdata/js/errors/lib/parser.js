exports.parse = function parse(text) {
  return text.split(';').map((pair) => {
    const [k, v] = pair.split('=');
    if (v === undefined) throw new SyntaxError('no value for ' + k);
    return [k, v];
  });
};
