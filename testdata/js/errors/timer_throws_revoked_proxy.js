// A timer callback throwing a revoked Proxy ends the run with a report, not a panic.
setTimeout(() => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  throw r.proxy;
}, 1);
