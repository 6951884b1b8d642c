daktela.buildReadRequest("Users").addFilterFromArray([
  ["name", "eq", "admin"],
  {field: "title"},
])
