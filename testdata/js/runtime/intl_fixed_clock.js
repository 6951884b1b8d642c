// @now 2026-03-02 09:15:00
// A DateTimeFormat's format() without a date formats the run's clock, so a fixed clock
// (--now, runtime Options.Now) reaches it as it reaches Date.now().
const f = new Intl.DateTimeFormat("cs-CZ", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Prague" });
console.log(f.format());
console.log(f.format() === f.format(new Date()));
