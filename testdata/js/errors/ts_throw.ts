// An error in TypeScript is reported at its place in the .ts file, not in the
// code esbuild made of it.
import { mustBePositive } from "../modules/lib/shapes.ts";

interface Order {
  id: number;
  quantity: number;
}

function check(o: Order): void {
  mustBePositive(o.quantity);
}

const orders: Order[] = [{ id: 1, quantity: 2 }, { id: 2, quantity: 0 }];
orders.forEach((o: Order) => check(o));
