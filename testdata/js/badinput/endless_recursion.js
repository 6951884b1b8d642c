// @timeout 2s
function walk(node) {
  return walk({parent: node})
}
walk({})
