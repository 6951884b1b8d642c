(function (native) {
  "use strict";
  // The formatters are functions, not classes: Intl.NumberFormat() without new works,
  // as the specification says.
  const state = new WeakMap();
  function own(self, what) {
    const f = state.get(self);
    if (!f) throw new TypeError(`Method ${what} called on incompatible receiver ${String(self)}`);
    return f;
  }
  function define(name, make) {
    const C = function (locales = undefined, options = undefined) {
      if (!new.target) return new C(locales, options);
      state.set(this, { f: make(locales, options), bound: null });
    };
    Object.defineProperty(C, "name", { value: name });
    Object.defineProperty(C.prototype, "format", {
      configurable: true,
      get() {
        const s = own(this, `get Intl.${name}.prototype.format`);
        if (!s.bound) s.bound = (x) => s.f.format(x);
        return s.bound;
      },
    });
    Object.defineProperty(C.prototype, "resolvedOptions", {
      configurable: true, writable: true,
      value: function resolvedOptions() { return { ...own(this, `Intl.${name}.prototype.resolvedOptions`).f.resolved }; },
    });
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: "Intl." + name, configurable: true });
    Object.defineProperty(C, "supportedLocalesOf", {
      configurable: true, writable: true,
      value: function supportedLocalesOf(locales) { return native.supported(locales); },
    });
    return C;
  }
  const NumberFormat = define("NumberFormat", native.numberFormat);
  const DateTimeFormat = define("DateTimeFormat", native.dateFormat);
  const Intl = {};
  Object.defineProperty(Intl, "NumberFormat", { value: NumberFormat, writable: true, configurable: true });
  Object.defineProperty(Intl, "DateTimeFormat", { value: DateTimeFormat, writable: true, configurable: true });
  Object.defineProperty(Intl, Symbol.toStringTag, { value: "Intl", configurable: true });
  return Intl;
})
