// An unknown operator is caught when the filter is added, with a hint.
const request = daktela.buildReadRequest("Users")
	.addFilter("name", "==", "admin");
