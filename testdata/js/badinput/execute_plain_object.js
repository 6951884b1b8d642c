daktela.client().execute({model: "Users"})
