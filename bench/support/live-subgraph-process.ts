import type { PostgreSqlConnection } from "@mikro-orm/postgresql";
import { printSubgraphSchema } from "@apollo/subgraph";
import {
  type EntityManager,
  forkFor,
  runSubgraph,
  sql,
  type Caller,
  type RunningSubgraphProcess,
  type SubgraphDefinition,
} from "@portal/kit";
import { createBillingSubgraph } from "../../subgraphs/billing/src/index.js";
import { createCommunitiesSubgraph } from "../../subgraphs/communities/src/index.js";
import { startSession } from "../../subgraphs/identity/src/auth/session.service.js";
import { Business } from "../../subgraphs/identity/src/business/business.entity.js";
import { Contact } from "../../subgraphs/identity/src/contacts/contact.entity.js";
import { createIdentitySubgraph, seedDemoData } from "../../subgraphs/identity/src/index.js";
import { Staff } from "../../subgraphs/identity/src/staff/staff.entity.js";
import { serveControl, type ControlRoutes } from "./live-control.js";

/**
 * Child process for the live benchmarks: identity, billing or communities (BENCH_LIVE_SUBGRAPH), each in its own
 * process in production mode on a free port, on the bench database. Identity seeds the demo business.
 * Prints one JSON line when ready: its URL, its subgraph SDL (for composing the supergraph) and the
 * URL of its control door (live-control.ts).
 */
const which = process.env.BENCH_LIVE_SUBGRAPH;
const secret = process.env.BENCH_SECRET!;
const runtime = { databaseUrl: process.env.BENCH_DATABASE_URL!, gatewaySecret: secret, port: 0, production: true };
const DEMO_SLUG = "brightside";
const SESSION_TTL_DAYS = 30;

let definition: SubgraphDefinition;
if (which === "identity") {
  definition = createIdentitySubgraph({
    portalSecret: secret,
    operatorEmails: [],
    signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
    sessionTtlDays: SESSION_TTL_DAYS,
    production: true,
  });
} else if (which === "billing") {
  definition = createBillingSubgraph({ testPayments: true });
} else if (which === "communities") {
  definition = createCommunitiesSubgraph({ production: true });
} else {
  throw new Error(`BENCH_LIVE_SUBGRAPH must be identity, billing or communities, not ${which}`);
}

const running = await runSubgraph(definition, runtime);
if (which === "identity") await seedDemoData(running.orm, { operatorEmail: "operator@bench.test", portalSecret: secret });
const sdl = printSubgraphSchema(await definition.buildSchema(running));

// SQL statements this process runs and HTTP requests it answers, read (and restarted) by `counters`.
let statements = 0;
let requests = 0;
(running.orm.em.getConnection() as PostgreSqlConnection).getKnex().on("query", () => statements++);
running.server.on("request", () => requests++);

const routes: ControlRoutes = {
  counters: () => {
    const counted = { statements, requests };
    statements = 0;
    requests = 0;
    return counted;
  },
  // Started with --expose-gc: a collection before reading resident memory takes garbage out of the figure.
  gc: () => globalThis.gc?.(),
  ...(which === "identity" ? identityRoutes(running) : which === "billing" ? billingRoutes(running) : communitiesRoutes(running)),
};
const door = await serveControl(routes);
console.log(JSON.stringify({ name: which, url: running.url, sdl, controlUrl: door.url }));

process.on("SIGTERM", () => void Promise.all([door.close(), running.stop()]).finally(() => process.exit(0)));

export interface LivePeople {
  businessId: string;
  /** Host of the demo business, as a browser on `brightside.localhost` sends it. */
  host: string;
  /** Session tokens (the `portal_session` cookie value) of `staffCount` new staff members. */
  staffTokens: string[];
  ownerToken: string;
  /** A contact with portal access, signed in: hears only their own sent invoices. */
  watcherToken: string;
  watcherContactId: string;
  /** The contact the measured invoices are sent to (not the watcher). */
  billedContactId: string;
}

/**
 * `people`: staff members and their sessions, made with identity's own entities and session service
 * in one transaction (1,000 take a few batched INSERTs, not 1,000 sign-ins); each session is started
 * as sign-in starts it. The members are not announced (`identity.staff.changed`): billing's copy of
 * the team plays no part in who hears an invoice change, and 1,000 such events would keep billing's
 * consumers busy in the background for minutes, inside the measured deliveries.
 */
function identityRoutes(identity: RunningSubgraphProcess): ControlRoutes {
  return {
    members: async (body) => contactsWithSessions(identity, Number(body.count)),
    people: async (body) => {
      const count = Number(body.staffCount);
      const { business, em, owner, session } = await demoBusiness(identity);
      const watcher = await em.findOneOrFail(Contact, { email: "alex@client.test" });
      const billed = await em.findOneOrFail(Contact, { email: "noah@client.test" });
      return em.transactional(async (tx) => {
        const staff = Array.from({ length: count }, (_, i) =>
          Object.assign(new Staff(), {
            businessId: business.id,
            name: `Live Staff ${i + 1}`,
            email: `live-staff-${i + 1}@bench.test`,
            role: "staff" as const,
          }),
        );
        for (const member of staff) tx.persist(member);
        await tx.flush();
        const staffTokens = staff.map((member) => session(tx, "staff", member.id));
        const people: LivePeople = {
          businessId: business.id,
          host: `${DEMO_SLUG}.localhost`,
          staffTokens,
          ownerToken: session(tx, "staff", owner.id),
          watcherToken: session(tx, "contact", watcher.id),
          watcherContactId: watcher.id,
          billedContactId: billed.id,
        };
        await tx.flush();
        return people;
      });
    },
  };
}

/** `known`: the contacts billing's identity projection holds so far (an invoice needs its contact known). */
function billingRoutes(billing: RunningSubgraphProcess): ControlRoutes {
  return { known: knownContacts(billing, "billing") };
}

/**
 * `known` as billing's; `members`: adds contacts to a group straight into communities' table, in
 * one statement (10,000 through the API would be a hundred calls and as many live messages, inside
 * the measured deliveries).
 */
function communitiesRoutes(communities: RunningSubgraphProcess): ControlRoutes {
  return {
    known: knownContacts(communities, "communities"),
    members: async (body) => {
      const em = forkFor(communities.orm, null);
      const contactIds = body.contactIds as string[];
      await sql(
        em,
        `insert into "communities"."group_member" (business_id, group_id, contact_id)
         select ?, ?, unnest(?::uuid[]) on conflict do nothing`,
        [body.businessId, body.groupId, `{${contactIds.join(",")}}`],
      );
      return {};
    },
  };
}

function knownContacts(subgraph: RunningSubgraphProcess, schema: string) {
  return async (body: Record<string, unknown>) => {
    const em = forkFor(subgraph.orm, null);
    const contacts = await sql<{ id: string }>(em, `select contact_id as id from "${schema}"."known_contact" where business_id = ?`, [
      body.businessId,
    ]);
    return { contactIds: contacts.map((contact) => contact.id) };
  };
}

export interface LiveMembers {
  businessId: string;
  host: string;
  ownerToken: string;
  /** alex@client.test, signed in: the one who posts. */
  posterToken: string;
  posterContactId: string;
  /** New contacts with portal access, each signed in once. */
  contactIds: string[];
  tokens: string[];
}

/** `members`: `count` new contacts of the demo business with portal access and a session each, in one transaction. */
async function contactsWithSessions(identity: RunningSubgraphProcess, count: number): Promise<LiveMembers> {
  const { business, em, owner, session } = await demoBusiness(identity);
  const poster = await em.findOneOrFail(Contact, { email: "alex@client.test" });
  return em.transactional(async (tx) => {
    const contacts = Array.from({ length: count }, (_, i) =>
      Object.assign(new Contact(), {
        businessId: business.id,
        name: `Live Member ${i + 1}`,
        email: `live-member-${i + 1}@bench.test`,
        accessStatus: "active" as const,
      }),
    );
    for (const contact of contacts) tx.persist(contact);
    await tx.flush();
    const members: LiveMembers = {
      businessId: business.id,
      host: `${DEMO_SLUG}.localhost`,
      ownerToken: session(tx, "staff", owner.id),
      posterToken: session(tx, "contact", poster.id),
      posterContactId: poster.id,
      contactIds: contacts.map((contact) => contact.id),
      tokens: contacts.map((contact) => session(tx, "contact", contact.id)),
    };
    await tx.flush();
    return members;
  });
}

/** The demo business, its owner, and sessions started as sign-in starts them (inside the caller's transaction). */
async function demoBusiness(identity: RunningSubgraphProcess) {
  const business = await forkFor(identity.orm, null).findOneOrFail(Business, { slug: DEMO_SLUG });
  const em = forkFor(identity.orm, business.id);
  const caller: Caller = {
    businessId: business.id,
    actor: { kind: "anonymous", id: null },
    ip: "127.0.0.1",
    userAgent: "bench live",
    issuedAt: Date.now(),
  };
  const owner = await em.findOneOrFail(Staff, { role: "owner" });
  const session = (tx: EntityManager, kind: "staff" | "contact", id: string) =>
    startSession(tx, caller, { kind, id, businessId: business.id }, SESSION_TTL_DAYS).token;
  return { business, em, owner, session };
}
