daktela.buildCreateRequest("Contacts").addAttributes({
  firstname: "Ada",
  customFields: {callback: () => 1},
})
