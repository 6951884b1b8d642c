// A TypeScript module: types are stripped, not checked.
export interface Shape {
  kind: "square" | "circle";
  size: number;
}

export function area(s: Shape): number {
  if (s.kind === "square") {
    return s.size * s.size;
  }
  return Math.round(Math.PI * s.size * s.size);
}

export const unit: string = "cm²";

export function mustBePositive(n: number): number {
  if (n <= 0) {
    throw new RangeError(`size must be positive, got ${n}`);
  }
  return n;
}
