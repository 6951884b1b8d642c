exports.line = function (queue) {
  return queue.title.padEnd(20) + queue.options.timeout.toFixed(0)
}
