daktela.buildReadRequest("Tickets").addFilterFromArray([
  {logic: "or", filters: [
    {field: "stage", operator: "eq", value: "OPEN"},
    {logic: "and", filters: [{field: "priority", operator: "bigger", value: "HIGH"}]},
  ]},
])
