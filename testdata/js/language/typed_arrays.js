// @node
// ArrayBuffer, typed arrays and DataView.
const buf = new ArrayBuffer(8);
const view = new DataView(buf);
view.setUint16(0, 0x1234);
const bytes = new Uint8Array(buf);
console.log(bytes[0].toString(16), bytes[1].toString(16), buf.byteLength);
const f = Float64Array.from([1.5, 2.5]);
console.log(f.length, f.reduce((a, b) => a + b), Int16Array.of(-1)[0], new Uint8ClampedArray([300])[0]);
