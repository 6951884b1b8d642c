// @caps env
const fs = require("fs")
fs.readFileSync("badinput/_contacts_broken.csv", "utf8")
