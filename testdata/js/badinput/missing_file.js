// @caps file,env
const fs = require("fs")
const text = fs.readFileSync("badinput/no-such-file.txt", "utf8")
