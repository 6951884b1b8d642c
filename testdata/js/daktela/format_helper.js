// FormatHelper.getNormalizedPhoneNumber with PHP's defaults and arguments.
const f = daktela.FormatHelper;
const cases = [
	["773 794 604"],
	["+420 773-794-604"],
	["00420 (773) 794.604"],
	["420773794604"],
	["773794604", true],
	["0049 30 1234567", true],
	["604 111 222", false, "421"],
	["421604111", false, "421", 9],
	[""],
	[null],
];
for (const args of cases) {
	console.log(JSON.stringify(args), "->", JSON.stringify(f.getNormalizedPhoneNumber(...args)));
}
