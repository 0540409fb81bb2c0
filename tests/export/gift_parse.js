// Parse a GIFT file with gift-pegjs (a real GIFT parser) and print the questions as JSON.
// Usage: node gift_parse.js FILE   (gift-pegjs is found in tests/node_modules)
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(__dirname, "..", "node_modules", "gift-pegjs"));
const text = fs.readFileSync(process.argv[2], "utf8");
process.stdout.write(JSON.stringify(parse(text), null, 1));
