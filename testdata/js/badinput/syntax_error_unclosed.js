const users = daktela.client().execute(daktela.buildReadRequest("Users"))
for (const u of users.data) {
  console.log(u.name
}
