const format = require("./format")

exports.run = function (client) {
  const res = client.execute(daktela.buildReadRequest("Queues"))
  return res.data.map(format.line)
}
