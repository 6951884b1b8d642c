// @node
// Intl.NumberFormat, Intl.DateTimeFormat and toLocaleString for the languages Daktela
// instances run in, as Node 20 prints them, CLDR's no-break spaces included (shown as
// <NBSP> so the expected output stays readable).
const show = (s) => s.replace(/\u00a0/g, "<NBSP>").replace(/\u202f/g, "<NNBSP>");
const locales = ["cs-CZ", "sk-SK", "en-US", "en-GB", "de-DE", "pl-PL", "hu-HU"];
const when = [Date.UTC(2026, 0, 5, 14, 7, 9), Date.UTC(2026, 8, 30, 3, 4, 5), Date.UTC(2025, 11, 31, 23, 30)];

for (const l of locales) {
  console.log(`== ${l}`);
  const nums = [1234.5, 1234567.891, 0.5, -9876.5, 12, 1234, 99999.9999, 1.0005, -0];
  console.log("numbers ", show(nums.map((v) => v.toLocaleString(l)).join(" | ")));
  const cur = ["CZK", "EUR", "USD", "HUF", "PLN"].map((c) => new Intl.NumberFormat(l, { style: "currency", currency: c }).format(-1234.5));
  console.log("currency", show(cur.join(" | ")));
  const code = new Intl.NumberFormat(l, { style: "currency", currency: "EUR", currencyDisplay: "code" }).format(1234.5);
  console.log("code    ", show(code));
  console.log("percent ", show([0.256, 1, -0.0049, 12.3456].map((v) => v.toLocaleString(l, { style: "percent" })).join(" | ")));
  const fixed = new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  console.log("fixed   ", show([1234, 0.125, 2.5, 1e6].map(fixed.format).join(" | ")));
  console.log("options ", show([
    (1234.5).toLocaleString(l, { useGrouping: false }),
    (7).toLocaleString(l, { minimumIntegerDigits: 3 }),
    (2.5).toLocaleString(l, { maximumFractionDigits: 0 }),
    (1234.5678).toLocaleString(l, { maximumFractionDigits: 1 }),
  ].join(" | ")));
  for (const t of when) {
    const d = new Date(t);
    const tz = { timeZone: "Europe/Prague" };
    const styles = ["short", "medium", "long", "full"].map((s) => d.toLocaleDateString(l, { ...tz, dateStyle: s }));
    console.log("date    ", show([d.toLocaleDateString(l, tz), ...styles].join(" | ")));
    console.log("time    ", show([d.toLocaleTimeString(l, tz), d.toLocaleTimeString(l, { ...tz, timeStyle: "short" }), d.toLocaleTimeString(l, { timeZone: "UTC", timeStyle: "medium" })].join(" | ")));
    const both = ["short", "medium", "long", "full"].map((s) => d.toLocaleString(l, { ...tz, dateStyle: s, timeStyle: s === "full" ? "medium" : "short" }));
    console.log("both    ", show([d.toLocaleString(l, tz), ...both].join(" | ")));
    const parts = [
      { year: "numeric", month: "2-digit", day: "2-digit" },
      { year: "numeric", month: "long", day: "numeric" },
      { year: "numeric", month: "short", day: "numeric" },
      { year: "numeric", month: "numeric", day: "numeric" },
      { month: "long", year: "numeric" },
      { month: "long" },
      { weekday: "long" },
      { weekday: "long", year: "numeric", month: "long", day: "numeric" },
      { hour: "2-digit", minute: "2-digit" },
    ].map((o) => new Intl.DateTimeFormat(l, { ...tz, ...o }).format(d));
    console.log("parts   ", show(parts.join(" | ")));
  }
}

const nf = new Intl.NumberFormat("cs-CZ", { style: "currency", currency: "CZK" });
console.log(nf.resolvedOptions());
console.log(Intl.NumberFormat("de").format(1234.5), new Intl.NumberFormat().resolvedOptions().locale);
console.log(new Intl.DateTimeFormat("cs", { timeZone: "America/New_York", dateStyle: "long" }).resolvedOptions());
console.log(new Intl.DateTimeFormat("sk-SK", { timeZone: "Asia/Tokyo" }).format(when[0]), new Intl.DateTimeFormat("en-GB", { timeZone: "UTC" }).resolvedOptions());
for (const bad of [() => (1).toLocaleString("cs", { style: "currency" }), () => (1).toLocaleString("cs", { style: "currency", currency: "EURO" }), () => (1).toLocaleString("cs", { maximumFractionDigits: 30 }), () => (1).toLocaleString("x_y"), () => new Date(0).toLocaleString("cs", { timeZone: "Mars/Base" }), () => new Intl.DateTimeFormat("cs").format(NaN)]) {
  try { bad(); } catch (e) { console.log(e.name, e.message); }
}
console.log(new Date(NaN).toLocaleDateString("cs"), typeof Intl, Object.prototype.toString.call(Intl));
