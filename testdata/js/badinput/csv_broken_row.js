// @caps file,env
const csv = require("csv")
const rows = csv.parseFile("badinput/_contacts_broken.csv")
