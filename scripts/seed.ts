import { migrateSubgraph, openOrm } from "@portal/kit";
import type { DemoParties, PortalUrls, RepublishedSnapshots } from "@portal/identity";
import { seedDemoContent, type DemoContentAdded } from "./demo-content.js";
import { SUBGRAPHS } from "./subgraphs.js";

const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 4000);

/**
 * Where identity's links point under `npm start` (scripts/start.ts gives identity the same
 * PORTAL_URL_TEMPLATE / PLATFORM_URL): each business at `http://<slug>.localhost:<gateway port>`.
 */
export function developmentPortalUrls(gatewayPort = GATEWAY_PORT): PortalUrls {
  return {
    portalUrlTemplate: process.env.PORTAL_URL_TEMPLATE ?? `http://{slug}.localhost:${gatewayPort}`,
    platformUrl: process.env.PLATFORM_URL ?? `http://localhost:${gatewayPort}`,
  };
}

export interface SeededDemo {
  /** The demo business was created now (first run). */
  created: boolean;
  /** The demo's people, when they exist: their invoices and documents come once the subgraphs run. */
  parties: DemoParties | null;
  /** Some subgraph's schema is new, so it may have missed identity's snapshots. */
  republish: boolean;
}

/**
 * Applies every subgraph's migrations and creates the demo business on first run. The demo goes
 * through identity's own services, so its events reach the other subgraphs like any other change.
 * Call `finishSeeding` once the subgraphs run.
 */
export async function seedDemo(options: { databaseUrl: string; portalSecret: string; operatorEmail: string }): Promise<SeededDemo> {
  let created = false;
  let parties: DemoParties | null = null;
  const newSubgraphs: string[] = [];
  for (const entry of SUBGRAPHS) {
    const definition = await entry.define(options.portalSecret);
    const orm = await openOrm(definition, options.databaseUrl);
    try {
      const [{ present }] = await orm.em
        .getConnection()
        .execute<{ present: boolean }[]>(`select exists(select 1 from information_schema.schemata where schema_name = ?) as present`, [
          definition.schema,
        ]);
      if (!present) newSubgraphs.push(entry.name);
      await migrateSubgraph(definition, orm, options.databaseUrl);
      if (entry.name === "identity") {
        const { findDemoParties, seedDemoData } = await import("@portal/identity");
        created = await seedDemoData(orm, {
          operatorEmail: options.operatorEmail,
          portalSecret: options.portalSecret,
          portalUrls: developmentPortalUrls(),
        });
        parties = await findDemoParties(orm);
      }
    } finally {
      await orm.close();
    }
  }
  return { created, parties, republish: newSubgraphs.length > 0 };
}

/**
 * Run once every subgraph answers (`npm start` does not wait for it). A subgraph that subscribed to
 * identity's events only now (billing starts after identity; or one added to an existing
 * installation) missed the snapshots identity relayed at its start, so they are sent again. Then
 * whatever is missing of the demo's invoices and documents is added (nothing on later starts), with
 * one line when it is there; before adding any, the demo business's snapshots are sent again too, as
 * an installation from before may never have given them to billing. A failure costs only the demo
 * content, and the next start completes it: it is reported, never thrown.
 */
export async function finishSeeding(demo: SeededDemo, options: FinishOptions): Promise<DemoContentAdded | null> {
  try {
    if (demo.republish) {
      const counts = await republish(options);
      if (!demo.created)
        console.log(`Republished identity snapshots: ${counts.businesses} businesses, ${counts.contacts} contacts, ${counts.staff} staff.`);
    }
    const parties = demo.parties;
    if (!parties) return null;
    const beforeChanges = async () => {
      if (!demo.republish) await republish(options, parties.business.id);
    };
    const added = await seedDemoContent({ ...options, parties, beforeChanges });
    if (added.invoices || added.documents || added.communities || added.courses || added.appointments || added.affiliates || added.offers) {
      console.log(
        `Demo content ready: ${parties.client.email} has an outstanding and a paid invoice, a document to sign and a signed one, a community group, a course part-way through, an upcoming appointment and an affiliate link with two referrals, and /buy/photography-starter sells the course and the group; the admin console shows their history and emails.`,
      );
    }
    return added;
  } catch (error) {
    if (!options.stopping?.())
      console.error(`Demo content not finished (${error instanceof Error ? error.message : error}); the next start completes it.`);
    return null;
  }
}

interface FinishOptions {
  databaseUrl: string;
  portalSecret: string;
  billingUrl: string;
  documentsUrl: string;
  communitiesUrl?: string;
  coursesUrl?: string;
  appointmentsUrl?: string;
  affiliatesUrl?: string;
  identityUrl?: string;
  timeoutMs?: number;
  /** While shutting down, a failed call is expected and not reported. */
  stopping?: () => boolean;
}

/** Republishes identity's business, contact and staff snapshots; `npm run resync` for an existing database. */
export async function resync(options: { databaseUrl: string; portalSecret: string }): Promise<void> {
  const counts = await republish(options);
  console.log(`Republished identity snapshots: ${counts.businesses} businesses, ${counts.contacts} contacts, ${counts.staff} staff.`);
}

/** Every business's snapshots, or one business's. */
async function republish(options: { databaseUrl: string; portalSecret: string }, businessId?: string): Promise<RepublishedSnapshots> {
  const identity = SUBGRAPHS.find((entry) => entry.name === "identity")!;
  const orm = await openOrm(await identity.define(options.portalSecret), options.databaseUrl);
  try {
    const { republishSnapshots } = await import("@portal/identity");
    return await republishSnapshots(orm, developmentPortalUrls(), { businessId });
  } finally {
    await orm.close();
  }
}
