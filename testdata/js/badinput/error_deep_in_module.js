const report = require("./lib/report")
report.run(daktela.client())
