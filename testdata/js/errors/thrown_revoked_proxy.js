// A revoked Proxy thrown is reported as Node reports it.
const r = Proxy.revocable({}, {});
r.revoke();
throw r.proxy;
