// An uncaught TypeError: position, message, source line with a caret, and the stack.
function total(tickets) {
  return tickets.reduce((sum, t) => sum + t.calls, 0);
}
function report(data) {
  console.log('report starts');
  return total(data.tickets);
}
report({});
