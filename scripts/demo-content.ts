import { seedDemoAppointments } from "@portal/appointments";
import type { Actor } from "@portal/kit";
import { seedDemoInvoices } from "@portal/billing";
import { seedDemoCommunity } from "@portal/communities";
import { seedDemoCourse } from "@portal/courses";
import { seedDemoDocuments } from "@portal/documents";
import type { DemoParties } from "@portal/identity";
import { seedDemoReferrals } from "./demo-affiliates.js";
import { seedDemoOffer } from "./demo-offer.js";
import { SignedSubgraph } from "./signed-subgraph.js";

/**
 * The demo's living content: invoices (one paid, one outstanding), documents (one signed by
 * everyone, one waiting for the client), a community group with the client, posts, comments and
 * reactions, a course the client is part-way through, appointments (two types, the owner's hours,
 * the client with one upcoming and one past appointment), the client as an affiliate who referred two
 * clients (one commission pending, one approved), and an order form selling the course and the group. Created once the subgraphs run, by calling billing and
 * documents as the demo business's owner and as its client, each call signed with the platform
 * secret exactly as the gateway signs it, so every rule, event, email and PDF is the real one.
 */
export interface DemoContentTarget {
  parties: DemoParties;
  /** Each subgraph's GraphQL endpoint, e.g. http://127.0.0.1:4103/graphql. */
  billingUrl: string;
  documentsUrl: string;
  /** Without it, no community content is added (e.g. a platform without the communities section). */
  communitiesUrl?: string;
  /** Without it, no course is added (e.g. a platform without the courses section). */
  coursesUrl?: string;
  /** Without it, no appointments are added (e.g. a platform without the appointments section). */
  appointmentsUrl?: string;
  /** Without both, no affiliate programme is added (identity creates the referred clients). */
  affiliatesUrl?: string;
  identityUrl?: string;
  portalSecret: string;
  today?: Date;
  /** How long to wait for billing and documents to learn the demo people from identity's events. */
  timeoutMs?: number;
  /** Runs once, before the first change, when some demo content is missing or unfinished. */
  beforeChanges?: () => Promise<void>;
}

export interface DemoContentAdded {
  invoices: number;
  documents: number;
  /** Groups created; undefined when no communities URL was given. */
  communities?: number;
  /** Courses created; undefined when no courses URL was given. */
  courses?: number;
  /** Appointment types created; undefined when no appointments URL was given. */
  appointments?: number;
  /** Affiliates made (0 or 1); absent when no affiliates URL was given. */
  affiliates?: number;
  /** Order form offers created (0 or 1); absent without the courses and communities URLs. */
  offers?: number;
}

/** Adds whatever of the demo content is missing; a second run adds nothing. */
export async function seedDemoContent(target: DemoContentTarget): Promise<DemoContentAdded> {
  const { parties } = target;
  const staff: Actor = { kind: "staff", id: parties.owner.id, role: "owner" };
  const client: Actor = { kind: "contact", id: parties.client.id };
  let preparing: Promise<void> | undefined;
  const beforeChanges = () => (preparing ??= target.beforeChanges?.() ?? Promise.resolve());
  const common = {
    business: { name: parties.business.name },
    contact: { id: parties.client.id, name: parties.client.name },
    today: target.today,
    timeoutMs: target.timeoutMs,
    beforeChanges,
  };
  const billing = (actor: Actor) => new SignedSubgraph(target.billingUrl, target.portalSecret, parties.business.id, actor);
  const documents = (actor: Actor) => new SignedSubgraph(target.documentsUrl, target.portalSecret, parties.business.id, actor);
  const communities = (actor: Actor) => new SignedSubgraph(target.communitiesUrl!, target.portalSecret, parties.business.id, actor);
  const courses = (actor: Actor) => new SignedSubgraph(target.coursesUrl!, target.portalSecret, parties.business.id, actor);
  const appointments = (actor: Actor) => new SignedSubgraph(target.appointmentsUrl!, target.portalSecret, parties.business.id, actor);
  const [invoices, documentsAdded, communitiesAdded, coursesAdded, appointmentsAdded] = await Promise.allSettled([
    seedDemoInvoices({ ...common, staff: billing(staff), client: billing(client) }),
    seedDemoDocuments({ ...common, owner: parties.owner, staff: documents(staff), client: documents(client) }),
    target.communitiesUrl
      ? seedDemoCommunity({ ...common, owner: parties.owner, staff: communities(staff), client: communities(client) })
      : Promise.resolve(undefined),
    target.coursesUrl ? seedDemoCourse({ ...common, staff: courses(staff), client: courses(client) }) : Promise.resolve(undefined),
    target.appointmentsUrl
      ? seedDemoAppointments({ ...common, owner: parties.owner, staff: appointments(staff) })
      : Promise.resolve(undefined),
  ]);
  // After the rest: the referred clients' invoices are numbered after the demo client's.
  // The offer sells the course and the group made above.
  const [affiliatesAdded, offersAdded] = await Promise.allSettled([
    target.affiliatesUrl && target.identityUrl
      ? seedDemoReferrals({
          parties,
          identityUrl: target.identityUrl,
          billingUrl: target.billingUrl,
          affiliatesUrl: target.affiliatesUrl,
          portalSecret: target.portalSecret,
          timeoutMs: target.timeoutMs,
          beforeChanges,
        })
      : Promise.resolve(undefined),
    target.coursesUrl && target.communitiesUrl
      ? seedDemoOffer({
          parties,
          billingUrl: target.billingUrl,
          coursesUrl: target.coursesUrl,
          communitiesUrl: target.communitiesUrl,
          portalSecret: target.portalSecret,
          beforeChanges,
        })
      : Promise.resolve(undefined),
  ]);
  const failed = [invoices, documentsAdded, communitiesAdded, coursesAdded, appointmentsAdded, affiliatesAdded, offersAdded].flatMap(
    (result) => (result.status === "rejected" ? [result.reason instanceof Error ? result.reason.message : String(result.reason)] : []),
  );
  if (failed.length) throw new Error(failed.join("; "));
  return {
    invoices: (invoices as PromiseFulfilledResult<number>).value,
    documents: (documentsAdded as PromiseFulfilledResult<number>).value,
    communities: (communitiesAdded as PromiseFulfilledResult<number | undefined>).value,
    courses: (coursesAdded as PromiseFulfilledResult<number | undefined>).value,
    ...(target.appointmentsUrl ? { appointments: (appointmentsAdded as PromiseFulfilledResult<number | undefined>).value } : {}),
    ...(target.affiliatesUrl && target.identityUrl
      ? { affiliates: (affiliatesAdded as PromiseFulfilledResult<number | undefined>).value }
      : {}),
    ...(target.coursesUrl && target.communitiesUrl ? { offers: (offersAdded as PromiseFulfilledResult<number | undefined>).value } : {}),
  };
}
