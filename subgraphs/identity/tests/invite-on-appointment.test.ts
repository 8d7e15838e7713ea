import { randomUUID } from "node:crypto";
import { appointments } from "@portal/contracts";
import { deliverEvent, type RunningSubgraphProcess, TEST_SECRET, unseal } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContact, createTenant, eventually, gql, outboxEvents, settle, startIdentity, type Tenant } from "./helpers.js";

const ACCESS = `query($id: ID!) { contact(id: $id) { access { status } } }`;

/** Publishes appointments' event the way its outbox relay does. */
async function bookingConfirmed(
  identity: RunningSubgraphProcess,
  tenant: Tenant,
  contact: { id: string; email: string },
  inviteToPortal?: boolean,
) {
  const bookingId = randomUUID();
  const portalUrl = `https://${tenant.slug}.portal.test`;
  return deliverEvent(identity.boss, appointments.bookingConfirmed, tenant.businessId, {
    bookingId,
    appointmentTypeName: "Consultation",
    startsAt: "2026-12-08T13:00:00.000Z",
    endsAt: "2026-12-08T13:30:00.000Z",
    location: { kind: "VIDEO", value: "https://meet.example.test/abc" },
    icsUid: `${bookingId}@${tenant.slug}.portal.test`,
    icsSequence: 0,
    link: `${portalUrl}/appointments/${bookingId}`,
    adminLink: `${portalUrl}/admin/appointments/${bookingId}`,
    reference: `appointment:${bookingId}`,
    contactId: contact.id,
    client: { email: contact.email, name: "Someone", firstName: "Some", dnd: false },
    clientTimeZone: "Europe/Paris",
    hostStaffId: randomUUID(),
    host: { email: `host-${bookingId.slice(0, 8)}@staff.test`, name: "Host", firstName: "Host", dnd: false },
    hostTimeZone: "America/New_York",
    bookedBy: "STAFF",
    inviteToPortal,
  });
}

const invitations = (identity: RunningSubgraphProcess, contactId: string) =>
  outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contactId });

describe("appointment booked → invite the client to manage it", () => {
  let identity: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity);
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("invites a contact without portal access once, the link opening the appointment; not when told not to, nor another business's contact", async () => {
    const fresh = await createContact(identity, tenant);
    const declined = await createContact(identity, tenant);
    const other = await createTenant(identity, "other");
    const stranger = await createContact(identity, other);
    const event = await bookingConfirmed(identity, tenant, fresh);
    await bookingConfirmed(identity, tenant, declined, false);
    // Another business's contact named in this business's booking: not found, so never invited.
    await bookingConfirmed(identity, tenant, stranger);
    const [invited] = await eventually(async () => {
      const found = await invitations(identity, fresh.id);
      return found.length > 0 && found;
    }, "the invitation");
    const link = new URL(unseal(TEST_SECRET, invited!.payload.sealedLink as string));
    expect(link.searchParams.get("next")).toBe(`/appointments/${event.payload.bookingId}`);
    await identity.boss.publish(event.type, event as unknown as object); // a redelivery
    await bookingConfirmed(identity, tenant, fresh); // a second booking: the contact is invited already
    await settle();
    expect(await invitations(identity, fresh.id)).toHaveLength(1);
    expect(await invitations(identity, declined.id)).toHaveLength(0);
    expect(await invitations(identity, stranger.id)).toHaveLength(0);
    expect((await gql(identity, tenant.staff, ACCESS, { id: fresh.id })).data.contact.access.status).toBe("INVITED");
    expect((await gql(identity, tenant.staff, ACCESS, { id: declined.id })).data.contact.access.status).toBe("NONE");
    expect((await gql(identity, other.staff, ACCESS, { id: stranger.id })).data.contact.access.status).toBe("NONE");
  });
});
