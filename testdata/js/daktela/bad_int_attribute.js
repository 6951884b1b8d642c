// A wrong argument type throws a TypeError naming the method and the argument, at the
// script's line.
const request = daktela.buildCreateRequest("CampaignsRecords")
	.addStringAttribute("number", "00420226211245")
	.addIntAttribute("queue", "a");
