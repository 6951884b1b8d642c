// Records keep the server's key order, identity and the script's changes; getData()
// returns the same array each time; numbers stay numbers, strings stay strings.
const client = daktela.client();
const res = client.execute(daktela.buildReadRequest("Users").setTake(3).setFields(["name", "title", "deactivated"]));
const recs = res.getData();
console.log(recs === res.getData(), recs[0] === recs[0], recs[0] === res.data[0]);
console.log(Object.keys(recs[0]), typeof recs[0].deactivated, typeof recs[0].title);
recs[0].title = "Changed";
recs[0].extra = 1;
console.log(res.getData()[0].title, JSON.stringify(recs[0]));
const set = new Set(recs);
console.log(set.has(res.getData()[1]), Array.isArray(recs), recs.map(r => r.name).length);
