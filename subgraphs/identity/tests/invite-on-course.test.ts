import { randomUUID } from "node:crypto";
import { courses } from "@portal/contracts";
import { deliverEvent, type RunningSubgraphProcess, TEST_SECRET, unseal } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContact, createTenant, eventually, gql, outboxEvents, settle, startIdentity, type Tenant } from "./helpers.js";

const ACCESS = `query($id: ID!) { contact(id: $id) { access { status } } }`;

/** Publishes courses' event the way its outbox relay does. */
async function accessGranted(
  identity: RunningSubgraphProcess,
  tenant: Tenant,
  contact: { id: string; email: string },
  inviteToPortal?: boolean,
) {
  const courseId = randomUUID();
  const enrolmentId = randomUUID();
  return deliverEvent(identity.boss, courses.accessGranted, tenant.businessId, {
    courseId,
    courseTitle: "Pottery",
    enrolmentId,
    contactId: contact.id,
    inviteToPortal,
    recipient: { email: contact.email, name: "Someone", firstName: "Some", dnd: false },
    link: `https://${tenant.slug}.portal.test/courses/${courseId}`,
    reference: `course_enrolment:${enrolmentId}`,
  });
}

const invitations = (identity: RunningSubgraphProcess, contactId: string) =>
  outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contactId });

describe("enrolled in a course → invite the client to learn", () => {
  let identity: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity);
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("invites a contact without portal access once, the link opening the course; not when told not to, nor another business's contact", async () => {
    const fresh = await createContact(identity, tenant);
    const declined = await createContact(identity, tenant);
    const other = await createTenant(identity, "other");
    const stranger = await createContact(identity, other);
    const event = await accessGranted(identity, tenant, fresh);
    await accessGranted(identity, tenant, declined, false);
    await accessGranted(identity, tenant, stranger);
    const [invited] = await eventually(async () => {
      const found = await invitations(identity, fresh.id);
      return found.length > 0 && found;
    }, "the invitation");
    const link = new URL(unseal(TEST_SECRET, invited!.payload.sealedLink as string));
    expect(link.searchParams.get("next")).toBe(`/courses/${event.payload.courseId}`);
    await identity.boss.publish(event.type, event as unknown as object); // a redelivery
    await settle();
    expect(await invitations(identity, fresh.id)).toHaveLength(1);
    expect(await invitations(identity, declined.id)).toHaveLength(0);
    expect(await invitations(identity, stranger.id)).toHaveLength(0);
    expect((await gql(identity, tenant.staff, ACCESS, { id: fresh.id })).data.contact.access.status).toBe("INVITED");
    expect((await gql(identity, other.staff, ACCESS, { id: stranger.id })).data.contact.access.status).toBe("NONE");
  });
});
