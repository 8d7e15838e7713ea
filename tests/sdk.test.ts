import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { generate } from "@graphql-codegen/cli";
import { ContactsDocument, InvoicesDocument, PortalClient, PortalGraphQLError, PortalTransportError, PortalUserError } from "@portal/sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listAndPay } from "../sdk/examples/list-and-pay.js";
import sdkCodegen from "../sdk/codegen.js";
import { createBusiness, type TestBusiness } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

describe("the SDK's generated operations", () => {
  it("match the public schema (run `npm run sdk` after changing schema/api.graphql or sdk/operations)", async () => {
    const outputs = (await generate(sdkCodegen, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) expect(readFileSync(filename, "utf8"), `${filename} is stale`).toBe(content);
  });
});

/** An API key the business's owner creates in the admin console, through the API. */
async function apiKey(business: TestBusiness, scopes: ("READ" | "WRITE")[]): Promise<string> {
  const created = await business.staff.data(
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } ... on UserError { message } } }`,
    { input: { name: `Integration ${scopes.join("+")}`, scopes } },
  );
  expect(created.createApiKey.__typename).toBe("ApiKeyCreated");
  return created.createApiKey.secret;
}

/** Billing learns of a new contact from identity's events: a contact created a moment ago may not be billable yet. */
async function createInvoiceWhenKnown(client: PortalClient, contactId: string, unitPrice: number) {
  let invoice: Awaited<ReturnType<PortalClient["createInvoice"]>> | undefined;
  await expect
    .poll(
      async () => {
        try {
          invoice = await client.createInvoice({
            contactId,
            currency: "USD",
            lines: [{ description: "Brand workshop", quantity: 1, unitPrice }],
            issueDate: "2026-12-01",
            dueDate: "2099-01-31",
          });
          return "created";
        } catch (error) {
          if (error instanceof PortalUserError) return error.message;
          throw error;
        }
      },
      { timeout: 15_000 },
    )
    .toBe("created");
  return invoice!;
}

describe("the SDK against the platform", () => {
  let platform: Platform;
  let business: TestBusiness;
  let other: TestBusiness;
  let client: PortalClient;
  let otherClient: PortalClient;
  let key: string;

  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
    business = await createBusiness(platform, "SDK Studio");
    other = await createBusiness(platform, "Other Studio");
    key = await apiKey(business, ["READ", "WRITE"]);
    client = new PortalClient({ url: platform.gatewayUrl, apiKey: key });
    otherClient = new PortalClient({ url: platform.gatewayUrl, apiKey: await apiKey(other, ["READ", "WRITE"]) });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("lists the business's invoices and pays the open one, as the example does", async () => {
    const contact = await client.createContact({ name: "Rae Client", email: `rae@${business.slug}.test` });
    const draft = await createInvoiceWhenKnown(client, contact.id, 12_000);
    const open = await client.sendInvoice((await createInvoiceWhenKnown(client, contact.id, 45_050)).id, { inviteToPortal: false });
    expect(open).toMatchObject({ status: "OPEN", amountDue: 45_050, contact: { id: contact.id, name: "Rae Client" } });

    const lines: string[] = [];
    const outcome = await listAndPay(client, (line) => lines.push(line));

    expect(outcome.listed.map((i) => i.id).sort()).toEqual([draft.id, open.id].sort());
    expect(outcome.paid).toMatchObject({ id: open.id, status: "PAID", amountDue: 0, amountPaid: 45_050 });
    expect(lines[0]).toBe("Invoices of SDK Studio:");
    expect(lines.at(-1)).toBe(`Paid #${open.number}: $450.50 received, $0.00 due, now PAID.`);
    const reread = await client.invoice(open.id);
    expect(reread?.status).toBe("PAID");
    expect(reread?.payments).toEqual([
      expect.objectContaining({ kind: "PAYMENT", amount: 45_050, method: "other", reference: "Test payment from the SDK example" }),
    ]);

    // Run again, nothing is left to pay.
    expect((await listAndPay(client, () => {})).paid).toBeNull();

    // The script itself, as an integrator runs it, with the key in the environment.
    const next = await client.sendInvoice((await createInvoiceWhenKnown(client, contact.id, 2_500)).id, { inviteToPortal: false });
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "sdk/examples/list-and-pay.ts"], {
      env: { ...process.env, PORTAL_URL: platform.gatewayUrl, PORTAL_API_KEY: key },
    });
    expect(stdout).toContain(`Paid #${next.number}: $25.00 received, $0.00 due, now PAID.`);
    expect((await client.invoice(next.id))?.status).toBe("PAID");
  });

  it("pages through a connection with the iterator, one request per page", async () => {
    for (const name of ["Ana", "Ben", "Cy"])
      await client.createContact({ name: `${name} Pager`, email: `${name.toLowerCase()}@${business.slug}.test` });
    const pages: (string | null | undefined)[] = [];
    const names: string[] = [];
    const spy = new PortalClient({
      url: platform.gatewayUrl,
      apiKey: key,
      fetch: async (input, init) => {
        pages.push(JSON.parse(String(init?.body)).variables.after);
        return fetch(input, init);
      },
    });
    for await (const contact of spy.paginate(ContactsDocument, { first: 1, search: "Pager" }, (data) => data.contacts))
      names.push(contact.name);
    expect(names.sort()).toEqual(["Ana Pager", "Ben Pager", "Cy Pager"]);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toBeNull();
    expect(new Set(pages).size).toBe(3);

    // A business that sent no document for signature yet has an empty list, not an error.
    expect(await client.documents({ first: 10 })).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });

    // Breaking out of the loop stops fetching.
    pages.length = 0;
    for await (const _ of spy.paginate(InvoicesDocument, { first: 1 }, (data) => data.invoices)) break;
    expect(pages).toHaveLength(1);
  });

  it("throws the API's typed failures as PortalUserError, naming the field", async () => {
    const refused = await client.createContact({ name: "No Email", email: "not-an-email" }).catch((e) => e);
    expect(refused).toBeInstanceOf(PortalUserError);
    expect(refused).toMatchObject({ typename: "ValidationError", field: "email" });

    await client.createContact({ name: "Twin", email: `twin@${business.slug}.test` });
    const taken = await client.createContact({ name: "Twin Again", email: `TWIN@${business.slug}.test` }).catch((e) => e);
    expect(taken).toMatchObject({ typename: "EmailTakenError", field: "email" });
  });

  it("sees nothing of another business: its ids are not found", async () => {
    const theirs = await otherClient.createContact({ name: "Their Client", email: `their@${other.slug}.test` });
    const theirInvoice = await otherClient.sendInvoice((await createInvoiceWhenKnown(otherClient, theirs.id, 9_900)).id, {
      inviteToPortal: false,
    });

    expect(await client.contact(theirs.id)).toBeNull();
    expect(await client.invoice(theirInvoice.id)).toBeNull();
    for await (const invoice of client.allInvoices()) expect(invoice.id).not.toBe(theirInvoice.id);
    const payTheirs = await client.recordPayment({ invoiceId: theirInvoice.id, method: "CASH" }).catch((e) => e);
    expect(payTheirs).toMatchObject({ typename: "NotFoundError" });
    const billTheirs = await client
      .createInvoice({
        contactId: theirs.id,
        currency: "USD",
        lines: [{ description: "x", quantity: 1, unitPrice: 100 }],
        issueDate: "2026-12-01",
        dueDate: "2026-12-31",
      })
      .catch((e) => e);
    expect(billTheirs).toBeInstanceOf(PortalUserError);
    expect((await otherClient.invoice(theirInvoice.id))?.status).toBe("OPEN");
  });

  it("tells GraphQL errors (wrong key, missing scope) from transport errors", async () => {
    const url = platform.gatewayUrl;
    const wrongKey = await new PortalClient({ url, apiKey: "cp_nope_nope" }).invoices().catch((e) => e);
    expect(wrongKey).toBeInstanceOf(PortalGraphQLError);
    // Refused before any data is read; a wrong key selects no business.
    expect(wrongKey.data).toBeNull();
    expect(["UNAUTHENTICATED", "FORBIDDEN"]).toContain(wrongKey.codes[0]);

    const reader = new PortalClient({ url, apiKey: await apiKey(business, ["READ"]) });
    expect((await reader.viewer()).kind).toBe("API_KEY");
    const notAllowed = await reader.createContact({ name: "Nope", email: `nope@${business.slug}.test` }).catch((e) => e);
    expect(notAllowed).toBeInstanceOf(PortalGraphQLError);
    expect(notAllowed.codes).toEqual(["FORBIDDEN"]);

    const unreachable = await new PortalClient({ url: "http://127.0.0.1:9/graphql", apiKey: "cp_x_y" }).viewer().catch((e) => e);
    expect(unreachable).toBeInstanceOf(PortalTransportError);
    expect(unreachable.status).toBeNull();

    // A proxy's error page in front of the portal is no GraphQL answer either.
    const proxyPage = async () => new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } });
    const behindProxy = await new PortalClient({ url, apiKey: key, fetch: proxyPage }).viewer().catch((e) => e);
    expect(behindProxy).toBeInstanceOf(PortalTransportError);
    expect(behindProxy).toMatchObject({ status: 502 });
    expect(behindProxy.message).toContain("answered 502 without a GraphQL response");
  });
});
