import { callSubgraph, forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, gql, startIdentity, unique } from "./helpers.js";

const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { __typename ... on ContactSuccess { contact { id } } ... on UserError { message } } }`;
const SETTINGS = `mutation($input: PortalSettingsInput!) { updatePortalSettings(input: $input) { __typename ... on PortalSettingsSuccess { settings { welcomeMessage } } ... on UserError { message } } }`;

/** The kit's guard on every text argument, seen through identity: refused before the resolver runs. */
describe("control characters in identity's text arguments", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("a NUL in a contact's name is BAD_USER_INPUT naming input.name; no contact is created and no SQL is shown", async () => {
    const tenant = await createTenant(identity);
    const email = `${unique("nul")}@client.test`;
    const response = await callSubgraph(identity.url, tenant.staff, CREATE, { input: { name: "Pat\u0000Lee", email } });
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    expect(response.errors![0]!.message).toContain("input.name");
    expect(response.errors![0]!.message).not.toMatch(/insert into|select .* from|identity\.contact/i);
    const rows = await sql(forkFor(identity.orm, null), `select 1 from identity.contact where business_id = ?`, [tenant.businessId]);
    expect(rows).toEqual([]);
  });

  it("a line break in a name is refused, while the welcome message keeps its paragraphs", async () => {
    const tenant = await createTenant(identity);
    const response = await callSubgraph(identity.url, tenant.staff, CREATE, {
      input: { name: "Pat\nLee", email: `${unique("nl")}@client.test` },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    const saved = await gql(identity, tenant.staff, SETTINGS, {
      input: { welcomeMessage: "Welcome!\n\nYour documents are below.", sections: [] },
    });
    expect(saved.data.updatePortalSettings.settings.welcomeMessage).toBe("Welcome!\n\nYour documents are below.");
  });
});
