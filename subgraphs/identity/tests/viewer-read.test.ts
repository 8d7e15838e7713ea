import { randomUUID } from "node:crypto";
import { forkFor, recordStatements, sql, type Actor, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Contact } from "../src/contacts/contact.entity.js";
import { toViewer } from "../src/viewer/viewer.resolver.js";
import { loadViewer, readViewer } from "../src/viewer/viewer.service.js";
import { contactIn, createContact, createTenant, gql, invite, signInContact, startIdentity, type Tenant } from "./helpers.js";

const REVOKE = `mutation($id: ID!) { revokeAccess(contactId: $id) { __typename } }`;
const DASHBOARD = `{ portal { settings { welcomeMessage sections { section enabled } } } viewer { kind contact { id } } }`;

/**
 * The viewer is read in one statement (`readViewer`); `loadViewer` reads it entity by entity. Both
 * must answer every caller alike, tenant scoping included; the statement leaves nothing managed.
 */
describe("reading the viewer in one statement", () => {
  let identity: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  let active: { id: string };
  let invited: { id: string };
  let revoked: { id: string };
  let operatorId: string;

  beforeAll(async () => {
    identity = await startIdentity();
    a = await createTenant(identity, "viewer-a");
    b = await createTenant(identity, "viewer-b");
    active = await createContact(identity, a);
    await signInContact(identity, a, active.id);
    invited = await createContact(identity, a);
    await invite(identity, a, invited.id);
    revoked = await createContact(identity, a);
    await signInContact(identity, a, revoked.id);
    await gql(identity, a.staff, REVOKE, { id: revoked.id });
    const [operator] = await sql<{ id: string }>(
      forkFor(identity.orm, null),
      `insert into identity.operator (name, email) values ('Olive Operator', ?) returning id`,
      [`${randomUUID()}@operator.test`],
    );
    operatorId = operator!.id;
  });
  afterAll(async () => {
    await identity?.stop();
  });

  const both = async (tenant: string | null, businessId: string | null, actor: Pick<Actor, "kind" | "id">) => {
    const byEntities = toViewer(await loadViewer(forkFor(identity.orm, tenant), businessId, actor));
    const byStatement = toViewer(await readViewer(forkFor(identity.orm, tenant), businessId, actor));
    return { byEntities, byStatement };
  };

  it("answers every kind of caller as loadViewer does", async () => {
    const unknownBusiness = randomUUID();
    const cases: [label: string, tenant: string | null, businessId: string | null, actor: Pick<Actor, "kind" | "id">, kind: string][] = [
      ["signed-in contact", a.businessId, a.businessId, { kind: "contact", id: active.id }, "CONTACT"],
      ["invited contact", a.businessId, a.businessId, { kind: "contact", id: invited.id }, "ANONYMOUS"],
      ["contact whose access was removed", a.businessId, a.businessId, { kind: "contact", id: revoked.id }, "ANONYMOUS"],
      ["contact of another business", b.businessId, b.businessId, { kind: "contact", id: active.id }, "ANONYMOUS"],
      ["contact without a business", null, null, { kind: "contact", id: active.id }, "ANONYMOUS"],
      ["contact on an unknown business", unknownBusiness, unknownBusiness, { kind: "contact", id: active.id }, "ANONYMOUS"],
      ["unknown contact", a.businessId, a.businessId, { kind: "contact", id: randomUUID() }, "ANONYMOUS"],
      ["staff", a.businessId, a.businessId, { kind: "staff", id: a.ownerId }, "STAFF"],
      ["staff of another business", b.businessId, b.businessId, { kind: "staff", id: a.ownerId }, "ANONYMOUS"],
      ["operator on a portal", a.businessId, a.businessId, { kind: "operator", id: operatorId }, "OPERATOR"],
      ["operator on the platform", null, null, { kind: "operator", id: operatorId }, "OPERATOR"],
      ["unknown operator", null, null, { kind: "operator", id: randomUUID() }, "ANONYMOUS"],
      ["API key", a.businessId, a.businessId, { kind: "apiKey", id: randomUUID() }, "API_KEY"],
      ["API key without a business", null, null, { kind: "apiKey", id: randomUUID() }, "ANONYMOUS"],
      ["anonymous visitor", a.businessId, a.businessId, { kind: "anonymous", id: null }, "ANONYMOUS"],
      ["anonymous on the platform", null, null, { kind: "anonymous", id: null }, "ANONYMOUS"],
      // An EntityManager scoped to another tenant than the business asked for reads within its tenant.
      ["contact asked for in another tenant's scope", b.businessId, a.businessId, { kind: "contact", id: active.id }, "ANONYMOUS"],
    ];
    for (const [label, tenant, businessId, actor, kind] of cases) {
      const { byEntities, byStatement } = await both(tenant, businessId, actor);
      expect(byStatement, label).toEqual(byEntities);
      expect(byStatement.kind, label).toBe(kind);
    }
    const { byStatement } = await both(a.businessId, a.businessId, { kind: "contact", id: active.id });
    expect(byStatement.business?.settings).not.toBeNull();
    expect(byStatement.contact?.id).toBe(active.id);
  });

  it("leaves nothing managed: the read is for answering, and a flush saves none of it", async () => {
    const em = forkFor(identity.orm, a.businessId);
    const viewer = await readViewer(em, a.businessId, { kind: "contact", id: active.id });
    expect(viewer.contact).toBeInstanceOf(Contact);
    expect(viewer.contact!.createdAt).toBeInstanceOf(Date);
    const managed = await em.findOne(Contact, { id: active.id });
    expect(managed).not.toBe(viewer.contact);
    expect(managed).toMatchObject({ id: viewer.contact!.id, name: viewer.contact!.name, accessStatus: viewer.contact!.accessStatus });
    const phoneBefore = managed!.phone;
    viewer.contact!.phone = "+1 555 0100";
    await em.flush();
    const [row] = await sql<{ phone: string | null }>(forkFor(identity.orm, null), `select phone from identity.contact where id = ?`, [
      active.id,
    ]);
    expect(row!.phone).toBe(phoneBefore);
  });

  it("reads once per request, in a statement of fixed text, and again on the next request", async () => {
    // Statements sent while answering an HTTP request to identity (not its background work).
    const recorder = recordStatements(identity.server);
    const statements = recorder.statements;
    try {
      const tenant = await createTenant(identity, "viewer-once");
      const contact = await createContact(identity, tenant);
      await signInContact(identity, tenant, contact.id);
      const caller = contactIn(tenant.businessId, contact.id);
      statements.length = 0;
      const first = await gql(identity, caller, DASHBOARD);
      expect(first.data.viewer).toEqual({ kind: "CONTACT", contact: { id: contact.id } });
      expect(first.data.portal.settings).not.toBeNull();
      const second = await gql(identity, caller, DASHBOARD);
      expect(second.data).toEqual(first.data);
      expect(statements).toHaveLength(2);
      expect(statements[0]).toContain(`left join "identity"."contact"`);
      expect(statements[1]).toBe(statements[0]);

      // Access removed: the very next request is anonymous and sees no settings.
      await gql(identity, tenant.staff, REVOKE, { id: contact.id });
      const after = await gql(identity, caller, DASHBOARD);
      expect(after.data).toEqual({ portal: { settings: null }, viewer: { kind: "ANONYMOUS", contact: null } });
    } finally {
      recorder.stop();
    }
  });
});
