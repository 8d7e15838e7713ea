import type { MikroORM, PostgreSqlConnection } from "@mikro-orm/postgresql";
import { createBillingSubgraph } from "@portal/billing";
import { createIdentitySubgraph, seedDemoData } from "@portal/identity";
import { requestTarget, runSubgraph, signBody, signCaller, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { randomBytes, randomUUID } from "node:crypto";
import { benchDatabase } from "./support/bench-database.js";
import { type InProcessGateway, postLoad, startInProcessGateway } from "./support/in-process-gateway.js";

/**
 * Invoices section figures, measured in one run:
 * - SQL statements one dashboard request costs for a contact with 5 and with 50 invoices (the same
 *   number means no per-invoice queries);
 * - req/s of the staff invoices list through the gateway, with an API key.
 * The servers run in this process; autocannon drives the load from a worker thread.
 */
const CONNECTIONS = 10;
const DURATION_SECONDS = 8;
const INVOICES_LIST = "{ invoices(first: 20) { edges { node { id number status total amountDue dueDate } } totalCount } }";

export interface InvoicesBenchResult {
  statementsWith5: number;
  statementsWith50: number;
  listRequestsPerSecond: number;
  listP99: number;
  errors: number;
}

export async function invoicesBench(): Promise<InvoicesBenchResult> {
  const database = await benchDatabase();
  const secret = randomBytes(32).toString("hex");
  const runtime = { databaseUrl: database.url, gatewaySecret: secret, port: 0, production: true };
  const identityDefinition = createIdentitySubgraph({
    portalSecret: secret,
    operatorEmails: [],
    signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
    sessionTtlDays: 30,
    production: true,
  });
  const billingDefinition = createBillingSubgraph({ testPayments: true });
  const identity = await runSubgraph(identityDefinition, runtime);
  const billing = await runSubgraph(billingDefinition, runtime);
  let gateway: InProcessGateway | undefined;
  try {
    await seedDemoData(identity.orm, { operatorEmail: "operator@bench.test", portalSecret: secret });
    const businessId = await demoBusinessId(identity, secret);
    const staff = (caller: Partial<Caller["actor"]>) => asCaller(businessId, { kind: "staff", id: randomUUID(), ...caller });
    const team = await call(identity, secret, staff({}), "{ staffMembers(first: 5) { edges { node { id role } } } }");
    const ownerId = team.staffMembers.edges.find((e: { node: { role: string } }) => e.node.role === "OWNER").node.id;
    const owner = staff({ id: ownerId, role: "owner" });
    const contacts = await call(identity, secret, owner, "{ contacts(first: 2) { edges { node { id } } } }");
    const [few, many] = contacts.contacts.edges.map((e: { node: { id: string } }) => e.node.id);
    await createInvoices(billing, secret, owner, few, 5);
    await createInvoices(billing, secret, owner, many, 50);

    const fewCaller = asCaller(businessId, { kind: "contact", id: few });
    const manyCaller = asCaller(businessId, { kind: "contact", id: many });
    await dashboardStatements([identity, billing], secret, fewCaller); // warm-up: first-use work is not per request
    const statementsWith5 = await dashboardStatements([identity, billing], secret, fewCaller);
    const statementsWith50 = await dashboardStatements([identity, billing], secret, manyCaller);

    gateway = await startInProcessGateway(
      [
        { name: "identity", running: identity, definition: identityDefinition },
        { name: "billing", running: billing, definition: billingDefinition },
      ],
      { secret, databaseUrl: database.url, identityUrl: identity.url },
    );
    const key = await call(
      identity,
      secret,
      owner,
      `mutation { createApiKey(input: { name: "bench", scopes: [READ] }) { ... on ApiKeyCreated { secret } } }`,
    );
    const headers = { "content-type": "application/json", authorization: `Bearer ${key.createApiKey.secret}` };
    const body = JSON.stringify({ query: INVOICES_LIST });
    const check = await (await fetch(gateway.url, { method: "POST", headers, body })).json();
    if (check.data?.invoices?.totalCount !== 55) throw new Error(`invoices list through the gateway answered ${JSON.stringify(check)}`);
    const load = await postLoad(gateway.url, { headers, body }, CONNECTIONS, DURATION_SECONDS);
    return {
      statementsWith5,
      statementsWith50,
      listRequestsPerSecond: load.requestsPerSecond,
      listP99: load.p99,
      errors: load.errors,
    };
  } finally {
    await gateway?.stop();
    await billing.stop();
    await identity.stop();
    await database.stop();
  }
}

export function printInvoicesBench(result: InvoicesBenchResult): void {
  const same = result.statementsWith5 === result.statementsWith50;
  console.log(
    `Dashboard request, SQL statements: ${result.statementsWith5} with 5 invoices, ${result.statementsWith50} with 50 invoices (${same ? "same: met" : "DIFFERENT: not met"})`,
  );
  console.log(
    `Invoices list through the gateway (API key, 20 per page, ${CONNECTIONS} connections, ${DURATION_SECONDS} s): ${result.listRequestsPerSecond.toFixed(0)} req/s, p99 ${result.listP99.toFixed(2)} ms, errors ${result.errors}`,
  );
}

function asCaller(businessId: string, actor: Caller["actor"]): Caller {
  return { businessId, actor, ip: "127.0.0.1", userAgent: "bench", issuedAt: Date.now() };
}

async function call(
  target: RunningSubgraphProcess,
  secret: string,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(target.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signCaller(secret, caller, { method: "POST", path: requestTarget(target.url), body }),
    },
    body,
  });
  const json = (await response.json()) as { data?: any; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(json.errors)}`);
  return json.data;
}

async function demoBusinessId(identity: RunningSubgraphProcess, secret: string): Promise<string> {
  const body = JSON.stringify({ host: "brightside.localhost" });
  const response = await fetch(new URL("/internal/authenticate", identity.url), {
    method: "POST",
    headers: { "content-type": "application/json", ...signBody(secret, body) },
    body,
  });
  return ((await response.json()) as { business: { id: string } }).business.id;
}

async function createInvoices(billing: RunningSubgraphProcess, secret: string, staff: Caller, contactId: string, count: number) {
  for (let i = 0; i < count; i++) {
    const create = () =>
      call(
        billing,
        secret,
        staff,
        `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { __typename ... on InvoiceSuccess { invoice { id } } } }`,
        {
          input: {
            contactId,
            currency: "USD",
            lines: [{ description: `Session ${i + 1}`, quantity: 1, unitPrice: 2500 + i }],
            issueDate: "2026-11-01",
            dueDate: `2099-12-${String((i % 28) + 1).padStart(2, "0")}`,
          },
        },
      );
    let created = await create();
    // Billing learns of the seeded contacts from identity's events, which may still be on their way.
    for (let attempt = 0; created.createInvoice.__typename !== "InvoiceSuccess" && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      created = await create();
    }
    await call(billing, secret, staff, `mutation ($id: ID!) { sendInvoice(id: $id) { __typename } }`, {
      id: created.createInvoice.invoice.id,
    });
  }
}

/** The dashboard's two subgraph calls, as the gateway makes them, counting SQL statements on both. */
async function dashboardStatements([identity, billing]: RunningSubgraphProcess[], secret: string, contact: Caller): Promise<number> {
  let statements = 0;
  const count = () => statements++;
  const knexes = [identity.orm, billing.orm].map((orm: MikroORM) => (orm.em.getConnection() as PostgreSqlConnection).getKnex());
  for (const knex of knexes) knex.on("query", count);
  try {
    await call(
      identity,
      secret,
      contact,
      "{ viewer { kind contact { id name firstName } } portal { business { name branding { displayName primaryColor accentColor } } settings { welcomeMessage sections { section enabled } } } }",
    );
    await call(
      billing,
      secret,
      contact,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { invoiceSummary { outstandingCount totalDue currency nextDueDate } outstandingInvoices(first: 5) { edges { node { id number amountDue dueDate } } } } } }`,
      {
        r: [{ __typename: "Contact", id: contact.actor.id }],
      },
    );
  } finally {
    for (const knex of knexes) knex.off("query", count);
  }
  return statements;
}
