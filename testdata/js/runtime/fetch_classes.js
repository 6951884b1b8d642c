// @node
// fetch's classes as Node 20 has them: Headers, Request, Response, AbortController,
// AbortSignal (abort, timeout) and DOMException, with no request sent.
const h = new Headers({"Content-Type": "text/plain", "X-A": "1"});
h.append("x-a", "2"); h.append("Set-Cookie", "a=1"); h.append("set-cookie", "b=2");
console.log([...h], h.get("X-A"), h.get("nope"), h.has("content-type"), h.getSetCookie());
try { h.append("bad name", "x") } catch (e) { console.log(e.name, e.message) }
try { new Response("x", {status: 99}) } catch (e) { console.log(e.name, e.message) }
try { new Response("x", {status: 204}) } catch (e) { console.log(e.name, e.message) }
try { new Request("/x") } catch (e) { console.log(e.name, e.message) }
try { new Request("http://a/", {method:"GET", body:"x"}) } catch (e) { console.log(e.name, e.message) }
try { new Request("http://a/", {method:"CONNECT"}) } catch (e) { console.log(e.name, e.message) }
try { new Request("http://a/", {method:"bad method"}) } catch (e) { console.log(e.name, e.message) }
const r = new Request("http://Example.com/a b?x=1", {method: "post", body: "hi"});
console.log(r.method, r.url, r.headers.get("content-type"), r.redirect, r.signal.aborted, r.bodyUsed);
(async () => {
  const res = new Response('{"a":1}', {status: 201, statusText: "Created", headers: {"X-Y": "z"}});
  console.log(res.ok, res.status, res.statusText, res.url, res.type, res.redirected, res.headers.get("content-type"), res.bodyUsed);
  console.log(await res.json(), res.bodyUsed);
  try { await res.text() } catch (e) { console.log(e.name, e.message) }
  const j = Response.json({b: [1]}, {status: 202}); console.log(j.status, j.headers.get("content-type"), await j.text());
  const e = Response.error(); console.log(e.type, e.status, e.ok);
  const rd = Response.redirect("http://a/b", 301); console.log(rd.status, rd.headers.get("location"));
  try { Response.redirect("http://a/b", 200) } catch (e) { console.log(e.name, e.message) }
  const c = new AbortController(); c.signal.addEventListener("abort", (ev) => console.log("abort event", ev.type));
  c.abort(); console.log(c.signal.aborted, c.signal.reason.name, c.signal.reason.message, c.signal.reason instanceof DOMException, c.signal.reason.code);
  try { c.signal.throwIfAborted() } catch (e) { console.log("thrown", e.name) }
  const s = AbortSignal.abort("why"); console.log(s.aborted, s.reason);
  const t = AbortSignal.timeout(10); console.log(t.aborted);
  await new Promise(r => setTimeout(r, 50)); console.log(t.aborted, t.reason.name, t.reason.message, t.reason.code);
  try { new AbortSignal() } catch (e) { console.log(e.name, e.message) }
  const ab = await new Response(new Uint8Array([104, 105])).arrayBuffer(); console.log(ab.byteLength, ab instanceof ArrayBuffer);
  const u = new Response(new URLSearchParams({a: "1 2"})); console.log(u.headers.get("content-type"), await u.text());
  try { await new Response("{").json() } catch (e) { console.log(e.name) }
  const cl = new Response("abc"); const cl2 = cl.clone(); console.log(await cl.text(), await cl2.text());
  h.forEach((v, k) => console.log(k, v));
  console.log(new Response(null).status, await new Response().text() === "", new Response(null, {status: 204}).status);
  try { await fetch("http://a/", {signal: AbortSignal.abort()}) } catch (e) { console.log(e.name, e.message) }
  try { await fetch("nope") } catch (e) { console.log(e.name, e.message) }
})();
