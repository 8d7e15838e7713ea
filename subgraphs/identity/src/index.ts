import type { SubgraphDefinition } from "@portal/kit";
import { OutboxEvent, ProcessedEvent } from "@portal/kit";
import { ApiKey } from "./api-keys/api-key.entity.js";
import { internalEndpoints } from "./internal.js";
import { Session } from "./auth/session.entity.js";
import { startSignInLinkWorker } from "./auth/sign-in-link.worker.js";
import { SignInToken } from "./auth/sign-in-token.entity.js";
import { Business } from "./business/business.entity.js";
import { Contact } from "./contacts/contact.entity.js";
import { Migration20261124000000Initial } from "./migrations/Migration20261124000000Initial.js";
import { linkSettingsOf, portalUrlsOf, type IdentityOptions } from "./options.js";
import { consumeOrderPayments } from "./orders/order-buyer.js";
import { buildIdentitySchema } from "./schema.js";
import { answerSnapshotRequests } from "./snapshots/snapshot-answers.js";
import { ensureOperators } from "./staff/operator.service.js";
import { Operator } from "./staff/operator.entity.js";
import { Staff } from "./staff/staff.entity.js";
import { consumeInviteRequests } from "./workflows/invite-requested.js";

export type { IdentityOptions } from "./options.js";
export { readIdentityConfig } from "./config.js";
export { DEVELOPMENT_PORTAL_URLS, portalUrlOf, type PortalUrls } from "./shared/portal-urls.js";
export { seedDemoData } from "./seed.js";
export { findDemoParties, type DemoParties } from "./demo-parties.js";
export { republishSnapshots, type RepublishedSnapshots } from "./workflows/republish-snapshots.js";

/** Businesses, staff, contacts, portal access, magic-link sign-in, sessions, profile, settings, API keys. */
export function createIdentitySubgraph(options: IdentityOptions): SubgraphDefinition {
  return {
    name: "identity",
    schema: "identity",
    entities: [Business, Staff, Operator, Contact, SignInToken, Session, ApiKey, OutboxEvent, ProcessedEvent],
    migrations: [{ name: "Migration20261124000000Initial", class: Migration20261124000000Initial }],
    buildSchema: (deps) => buildIdentitySchema(options, deps),
    internal: (deps) => internalEndpoints(options, deps),
    async startWorkers(deps) {
      await ensureOperators(deps.orm, options.operatorEmails);
      const links = () => linkSettingsOf(options);
      await consumeInviteRequests(deps, { links });
      await consumeOrderPayments(deps);
      await startSignInLinkWorker(deps, links);
      await answerSnapshotRequests(deps, () => portalUrlsOf(options));
    },
  };
}
