import { callSubgraph, forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  authenticate,
  contactIn,
  createContact,
  createTenant,
  gql,
  operator,
  signInContact,
  startIdentity,
  unique,
} from "./helpers.js";

const BUSINESS_RESULT = `__typename ... on BusinessSuccess { business { id slug hostNames branding { displayName logoUrl primaryColor accentColor } } } ... on ValidationError { field message }`;
const BRANDING = `mutation($id: ID!, $input: BrandingInput!) { updateBranding(businessId: $id, input: $input) { ${BUSINESS_RESULT} } }`;
const HOSTS = `mutation($id: ID!, $hosts: [String!]!) { updateHostNames(businessId: $id, hostNames: $hosts) { ${BUSINESS_RESULT} } }`;
const CREATE = `mutation($input: CreateBusinessInput!) { createBusiness(input: $input) { ${BUSINESS_RESULT} } }`;
const SETTINGS = `mutation($input: PortalSettingsInput!) { updatePortalSettings(input: $input) { __typename ... on PortalSettingsSuccess { settings { welcomeMessage sections { section enabled } } } ... on ValidationError { field } } }`;
const PORTAL = `{ portal { business { id name branding { displayName } settings { welcomeMessage } } settings { welcomeMessage sections { section enabled } } } }`;

describe("businesses, branding, host names and settings", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("lets operators create businesses, validating the slug and keeping it unique", async () => {
    const tenant = await createTenant(identity);
    const taken = await gql(identity, operator(), CREATE, {
      input: { name: "Again", slug: tenant.slug, ownerName: "O", ownerEmail: "o@x.test" },
    });
    expect(taken.data.createBusiness).toMatchObject({ __typename: "ValidationError", field: "slug" });
    const invalid = await gql(identity, operator(), CREATE, {
      input: { name: "Bad", slug: "Not A Slug", ownerName: "O", ownerEmail: "o@x.test" },
    });
    expect(invalid.data.createBusiness).toMatchObject({ __typename: "ValidationError", field: "slug" });
    const badOwner = await gql(identity, operator(), CREATE, {
      input: { name: "Bad", slug: unique("ok"), ownerName: "O", ownerEmail: "nope" },
    });
    expect(badOwner.data.createBusiness).toMatchObject({ __typename: "ValidationError", field: "ownerEmail" });
    const [event] = await sql<{ payload: any }>(
      forkFor(identity.orm, null),
      `select payload from identity.outbox_event where type = 'identity.business.updated' and business_id = ?`,
      [tenant.businessId],
    );
    expect(event!.payload.business).toMatchObject({
      id: tenant.businessId,
      slug: tenant.slug,
      displayName: expect.any(String),
      portalUrl: expect.any(String),
    });

    const listed = await gql(identity, operator(), `query($s: String) { businesses(search: $s) { totalCount edges { node { id } } } }`, {
      s: tenant.slug,
    });
    expect(listed.data.businesses.edges).toEqual([{ node: { id: tenant.businessId } }]);
    const forbidden = await callSubgraph(identity.url, tenant.staff, CREATE, {
      input: { name: "x", slug: unique("x"), ownerName: "O", ownerEmail: "o@x.test" },
    });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("validates branding colours and logo, and records the change as an event", async () => {
    const tenant = await createTenant(identity);
    const bad = await gql(identity, operator(), BRANDING, {
      id: tenant.businessId,
      input: { displayName: "Acme", primaryColor: "blue", accentColor: "#000000" },
    });
    expect(bad.data.updateBranding).toMatchObject({ __typename: "ValidationError", field: "primaryColor" });
    const badLogo = await gql(identity, operator(), BRANDING, {
      id: tenant.businessId,
      input: { displayName: "Acme", logoUrl: "javascript:alert(1)", primaryColor: "#111111", accentColor: "#000000" },
    });
    expect(badLogo.data.updateBranding).toMatchObject({ __typename: "ValidationError", field: "logoUrl" });
    const good = await gql(identity, operator(), BRANDING, {
      id: tenant.businessId,
      input: { displayName: "Acme Portal", logoUrl: "https://cdn.example.com/logo.png", primaryColor: "#AA0000", accentColor: "#00aa00" },
    });
    expect(good.data.updateBranding.business.branding).toEqual({
      displayName: "Acme Portal",
      logoUrl: "https://cdn.example.com/logo.png",
      primaryColor: "#aa0000",
      accentColor: "#00aa00",
    });
    const events = await sql<{ payload: any }>(
      forkFor(identity.orm, null),
      `select payload from identity.outbox_event where type = 'identity.business.updated' and business_id = ? order by created_at`,
      [tenant.businessId],
    );
    expect(events.at(-1)!.payload.business).toMatchObject({ displayName: "Acme Portal", primaryColor: "#aa0000" });
  });

  it("selects the business by host name, <slug>.localhost, or the default slug on localhost", async () => {
    const tenant = await createTenant(identity);
    const other = await createTenant(identity);
    const host = `${unique("portal")}.example.com`;
    const set = await gql(identity, operator(), HOSTS, { id: tenant.businessId, hosts: [host.toUpperCase(), host] });
    expect(set.data.updateHostNames.business.hostNames).toEqual([host]);
    expect((await authenticate(identity, { host: `${host}:443` })).business).toEqual({ id: tenant.businessId, slug: tenant.slug });
    expect((await authenticate(identity, { host: `${other.slug}.localhost:4000` })).business?.id).toBe(other.businessId);
    expect((await authenticate(identity, { host: "localhost:4000", defaultBusinessSlug: other.slug })).business?.id).toBe(other.businessId);
    expect((await authenticate(identity, { host: "127.0.0.1" })).business).toBeNull();
    expect((await authenticate(identity, { host: "unknown.example.org" })).business).toBeNull();

    const clash = await gql(identity, operator(), HOSTS, { id: other.businessId, hosts: [host] });
    expect(clash.data.updateHostNames).toMatchObject({ __typename: "ValidationError", field: "hostNames" });
    const invalid = await gql(identity, operator(), HOSTS, { id: other.businessId, hosts: ["not a host"] });
    expect(invalid.data.updateHostNames).toMatchObject({ __typename: "ValidationError", field: "hostNames" });
  });

  it("records no event when the transaction fails: the database's host-name guard rolls the change back", async () => {
    const tenant = await createTenant(identity);
    const other = await createTenant(identity);
    const host = `${unique("race")}.example.com`;
    // As if a concurrent request had just claimed the host for `tenant`, after our pre-check.
    await sql(forkFor(identity.orm, null), `insert into identity.business_host_name (host_name, business_id) values (?, ?)`, [
      host,
      tenant.businessId,
    ]);
    const countEvents = async () =>
      (
        await sql<{ n: number }>(
          forkFor(identity.orm, null),
          `select count(*)::int as n from identity.outbox_event where business_id = ?`,
          [other.businessId],
        )
      )[0]!.n;
    const before = await countEvents();
    const { data } = await gql(identity, operator(), HOSTS, { id: other.businessId, hosts: [host] });
    expect(data.updateHostNames).toMatchObject({ __typename: "ValidationError", field: "hostNames" });
    expect(await countEvents()).toBe(before);
    const stored = await sql<{ host_names: string[] }>(
      forkFor(identity.orm, null),
      `select host_names from identity.business where id = ?`,
      [other.businessId],
    );
    expect(stored[0]!.host_names).toEqual([]);
  });

  it("lets staff edit the welcome message and sections, shown only to people signed in to the business", async () => {
    const tenant = await createTenant(identity);
    const { data } = await gql(identity, tenant.staff, SETTINGS, {
      input: { welcomeMessage: "Hello clients", sections: [{ section: "COURSES", enabled: false }] },
    });
    const sections = data.updatePortalSettings.settings.sections;
    expect(data.updatePortalSettings.settings.welcomeMessage).toBe("Hello clients");
    expect(sections).toHaveLength(6);
    expect(sections.find((s: any) => s.section === "COURSES").enabled).toBe(false);
    expect(sections.find((s: any) => s.section === "INVOICES").enabled).toBe(true);

    const anonymous = await gql(identity, anonymousIn(tenant.businessId), PORTAL);
    expect(anonymous.data.portal).toMatchObject({ business: { id: tenant.businessId, settings: null }, settings: null });
    const contact = await createContact(identity, tenant);
    await signInContact(identity, tenant, contact.id);
    const signedIn = await gql(identity, contactIn(tenant.businessId, contact.id), PORTAL);
    expect(signedIn.data.portal.settings.welcomeMessage).toBe("Hello clients");
    expect(signedIn.data.portal.business.settings.welcomeMessage).toBe("Hello clients");

    const asContact = await callSubgraph(identity.url, contactIn(tenant.businessId, contact.id), SETTINGS, {
      input: { welcomeMessage: "x", sections: [] },
    });
    expect(asContact.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
