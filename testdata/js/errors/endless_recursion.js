// Endless recursion stops with a RangeError at the recursive call.
function down(n) {
  return down(n + 1) + 1;
}
down(0);
