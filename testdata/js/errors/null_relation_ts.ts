// In TypeScript too: the position and the expression are the .ts source's, the
// non-null assertion (!) included.
interface Ticket {
  name: string;
  contact: { title: string } | null;
}
const tickets: Ticket[] = [{ name: "1001", contact: null }];
for (const t of tickets) {
  console.log(t.name, t.contact!.title);
}
