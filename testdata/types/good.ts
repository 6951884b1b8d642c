// A TypeScript script that uses typed records the way scripts do; CI type-checks it
// against daktela.d.ts (tsc must accept it). Every way of reaching the module is typed.
import daktela from "daktela";
import { buildReadRequest, buildCreateRequest, type User, type Ticket, type ReadRequest } from "daktela";
const viaRequire = require("daktela");

const client = daktela.client();

// buildReadRequest("Users") is a ReadRequest<User>: filters, sorts and fields are the model's.
const users: ReadRequest<User> = buildReadRequest("Users")
  .addFilter("type", "eq", "admin")
  .addFilter("profile.title", "isnotnull")
  .addSort("title", "desc")
  .setFields(["name", "title", "email", "type", "deactivated", "profile.title", "role.options"]);
for (const u of client.iterate(users)) {
  const login: string = u.name;
  const email: string | null = u.email;
  const kind: "admin" | "user" | "api" | "BO" | null = u.type;
  console.log(login, email, kind, u.profile?.title, u.deactivated === true);
}
const page = client.execute(users);
const first: User | undefined = page.getData()[0];
console.log(first?.title, page.total);

// A single read's data is one record; links are the related records.
const ticket: Ticket = client.execute(daktela.buildReadSingleRequest("Tickets", 1001)).getData();
const stage: "OPEN" | "WAIT" | "CLOSE" | "ARCHIVE" = ticket.stage;
console.log(stage, ticket.category.title, ticket.category.sla?.unit, ticket.customFields["order_id"]?.[0]);

// Custom fields, dotted relation paths and relation reads.
const tickets = daktela.buildReadRequest("Tickets")
  .addFilter("customFields.order_id", "eq", "A-1")
  .addFilter("contact.account.title", "isnotnull")
  .addSort("category.title");
const activities = await client.executeAsync(daktela.buildReadRelationRequest("Tickets", 1001, "activities"));
for (const a of activities.getData()) {
  if (a.type === "CALL" && a.item && typeof a.item === "object" && "id_call" in a.item) console.log(a.item.waiting_time);
}

// Creates check attributes against the model; links are written as the related record's name.
const category = client.execute(daktela.buildReadRequest("TicketsCategories").setTake(1)).getData()[0];
const status = client.execute(daktela.buildReadRequest("Statuses").setTake(1)).getData()[0];
const created = client.execute(buildCreateRequest("Tickets")
  .addStringAttribute("title", "Typed")
  .addStringAttribute("stage", "OPEN")
  .addAttribute("priority", "HIGH")
  .addAttribute("category", category.name)
  .addAttributes({ user: "admin", statuses: [status.name], customFields: { order_id: ["A-1"] }, sla_deadtime: new Date() }));
const saved: Ticket = created.getData();
console.log(saved.name + 1);

// Requests of any model, also those the catalogue does not know.
const other = viaRequire.buildReadRequest("SomeNewModel").addFilter("anything", "eq", 1);
const [queues, statuses] = await client.executeAll([daktela.buildReadRequest("Queues"), viaRequire.buildReadRequest("Statuses")]);
const queueType: string = queues.getData()[0].type;
console.log(queueType, statuses.getData()[0].color, other.getModel(), tickets.getModel());
// A webhook handler as dkscript serve calls it, typed by WebhookHandler and WebhookRequest.
const onCallClose: import("daktela").WebhookHandler<{ name: string }> = async (payload, request) =>
  ({ name: payload.name, event: request.event, trace: request.headers["x-trace"] ?? "" });
const hookRequest: import("daktela").WebhookRequest = { event: "call_close", path: "/hooks/call_close", headers: {} };
console.log(JSON.stringify(await onCallClose({ name: "activities_1" }, hookRequest)));
console.log("typed records done");

// The later built-ins dkscript adds where the engine lacks them are typed too.
const byTitle: Partial<Record<string, string[]>> = Object.groupBy(["a", "bb", "cc"], (s) => String(s.length));
const both: Set<number> = new Set([1, 2]).union(new Set([3]));
const { promise: later, resolve: settle } = Promise.withResolvers<number>();
settle(byTitle["2"]?.length ?? both.size);
void later;
