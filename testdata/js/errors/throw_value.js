// Throwing a non-Error value prints it inspected.
function fail() {
  throw { code: 42, reason: 'not an Error' };
}
fail();
