import { randomUUID } from "node:crypto";
import { affiliates } from "@portal/contracts";
import { deliverEvent, type RunningSubgraphProcess, TEST_SECRET, unseal } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContact, createTenant, eventually, gql, invite, outboxEvents, settle, startIdentity, type Tenant } from "./helpers.js";

const ACCESS = `query($id: ID!) { contact(id: $id) { access { status } } }`;

/** Publishes affiliates' event the way its outbox relay does. */
const affiliateJoined = (identity: RunningSubgraphProcess, tenant: Tenant, contactId: string, inviteToPortal?: boolean) =>
  deliverEvent(identity.boss, affiliates.affiliateJoined, tenant.businessId, {
    affiliateId: randomUUID(),
    contactId,
    code: randomUUID().slice(0, 8),
    ...(inviteToPortal === undefined ? {} : { inviteToPortal }),
  });

const invitations = (identity: RunningSubgraphProcess, contactId: string) =>
  outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contactId });

describe("made an affiliate → invite them to the portal", () => {
  let identity: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity);
  });
  afterAll(async () => {
    await identity?.stop();
  });

  const accessOf = async (as: Tenant, contactId: string) =>
    (await gql(identity, as.staff, ACCESS, { id: contactId })).data.contact.access.status as string;

  it("invites a new affiliate without portal access once, the link opening the Affiliates page", async () => {
    const fresh = await createContact(identity, tenant);
    const event = await affiliateJoined(identity, tenant, fresh.id);
    const [invited] = await eventually(async () => {
      const found = await invitations(identity, fresh.id);
      return found.length > 0 && found;
    }, "the invitation");
    const link = new URL(unseal(TEST_SECRET, invited!.payload.sealedLink as string));
    expect(link.pathname).toBe("/auth/confirm");
    expect(link.searchParams.get("next")).toBe("/affiliates");
    await identity.boss.publish(event.type, event as unknown as object); // a redelivery
    await affiliateJoined(identity, tenant, fresh.id, true); // made affiliate again: invited already
    await settle();
    expect(await invitations(identity, fresh.id)).toHaveLength(1);
    expect(await accessOf(tenant, fresh.id)).toBe("INVITED");
  });

  it("leaves alone an affiliate staff chose not to invite, one already invited, and another business's contact", async () => {
    const other = await createTenant(identity, "other");
    const declined = await createContact(identity, tenant);
    const alreadyInvited = await createContact(identity, tenant);
    await invite(identity, tenant, alreadyInvited.id);
    const stranger = await createContact(identity, other);
    await affiliateJoined(identity, tenant, declined.id, false);
    await affiliateJoined(identity, tenant, alreadyInvited.id);
    // Another business's contact named in this business's event: not found, so never invited.
    await affiliateJoined(identity, tenant, stranger.id);
    // A contact made affiliate after them shows the consumer has reached past the events above.
    const marker = await createContact(identity, tenant);
    await affiliateJoined(identity, tenant, marker.id);
    await eventually(async () => (await invitations(identity, marker.id)).length > 0, "the later invitation");
    await settle();
    expect(await invitations(identity, declined.id)).toHaveLength(0);
    expect(await invitations(identity, alreadyInvited.id)).toHaveLength(1);
    expect(await invitations(identity, stranger.id)).toHaveLength(0);
    expect(await accessOf(tenant, declined.id)).toBe("NONE");
    expect(await accessOf(other, stranger.id)).toBe("NONE");
  });
});
