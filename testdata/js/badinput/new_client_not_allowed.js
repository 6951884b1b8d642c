// @caps env
const c = new daktela.Client("https://my.daktela.com", "secret-token-abc")
