import { randomUUID } from "node:crypto";
import { signedFetch, type Caller, type DomainEvent, type RunningSubgraphProcess } from "@portal/kit";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousIn, apiKeyIn, contactIn, createInvoice, gql, MUTATIONS, newTenant, startBilling, type Tenant } from "./helpers.js";

async function download(billing: RunningSubgraphProcess, caller: Caller, path: string) {
  const response = await signedFetch(new URL(`/files/invoices/${path}`, billing.url), caller, {}, billing.runtime.gatewaySecret);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

async function publish(
  billing: RunningSubgraphProcess,
  type: string,
  businessId: string,
  payload: Record<string, unknown>,
  occurredAt = new Date(),
) {
  const event: DomainEvent = { eventId: randomUUID(), type, businessId, occurredAt: occurredAt.toISOString(), payload };
  await billing.boss.publish(type, event as unknown as object);
}

function businessUpdated(tenant: Tenant, displayName: string) {
  return {
    business: {
      id: tenant.businessId,
      slug: `s-${tenant.businessId}`,
      name: displayName,
      displayName,
      logoUrl: null,
      primaryColor: "#123456",
      accentColor: "#654321",
      portalUrl: "http://portal.test",
    },
  };
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("invoice and receipt PDF downloads", () => {
  let billing: RunningSubgraphProcess;
  beforeAll(async () => {
    billing = await startBilling();
  });
  afterAll(async () => {
    await billing?.stop();
  });

  it("gives the invoice PDF to its contact and the business's staff, and 404 to anyone else", async () => {
    const tenant = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { send: true });
    const owner = await download(billing, tenant.contact, `${invoice.id}.pdf`);
    expect(owner.status).toBe(200);
    expect(owner.headers.get("content-type")).toBe("application/pdf");
    expect(owner.headers.get("content-disposition")).toBe(`attachment; filename="invoice-${invoice.number}.pdf"`);
    expect(owner.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await download(billing, tenant.staff, `${invoice.id}.pdf`)).status).toBe(200);
    expect((await download(billing, apiKeyIn(tenant.businessId, ["read"]), `${invoice.id}.pdf`)).status).toBe(200);

    expect((await download(billing, tenant.otherContact, `${invoice.id}.pdf`)).status).toBe(404);
    const otherBusiness = await newTenant(billing);
    expect((await download(billing, otherBusiness.staff, `${invoice.id}.pdf`)).status).toBe(404);
    expect((await download(billing, contactIn(otherBusiness.businessId, tenant.contactId), `${invoice.id}.pdf`)).status).toBe(404);
    expect((await download(billing, anonymousIn(tenant.businessId), `${invoice.id}.pdf`)).status).toBe(401);
    expect((await download(billing, tenant.staff, `${randomUUID()}.pdf`)).status).toBe(404);
  });

  it("hides drafts from the contact, and requires the gateway's signature", async () => {
    const tenant = await newTenant(billing);
    const draft = await createInvoice(billing, tenant);
    expect((await download(billing, tenant.contact, `${draft.id}.pdf`)).status).toBe(404);
    expect((await download(billing, tenant.staff, `${draft.id}.pdf`)).status).toBe(200);
    expect((await fetch(new URL(`/files/invoices/${draft.id}.pdf`, billing.url))).status).toBe(401);
  });

  it("offers a receipt only once something was paid, branded from the projections", async () => {
    const tenant = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { send: true });
    expect((await download(billing, tenant.contact, `${invoice.id}/receipt.pdf`)).status).toBe(404);

    // Newest event wins: an older snapshot arriving later does not replace the name.
    await publish(billing, "identity.business.updated", tenant.businessId, businessUpdated(tenant, "Harbour Lights Studio"), new Date());
    await publish(
      billing,
      "identity.business.updated",
      tenant.businessId,
      businessUpdated(tenant, "Old Name Ltd"),
      new Date(Date.now() - 60_000),
    );
    await publish(billing, "identity.contact.changed", tenant.businessId, {
      contact: {
        id: tenant.contactId,
        name: "Dana Whitfield",
        firstName: "Dana",
        email: "dana@client.test",
        dnd: false,
        accessStatus: "ACTIVE",
      },
    });
    await gql(billing, tenant.contact, MUTATIONS.testPay, { id: invoice.id });

    const receipt = await eventually(
      async () => {
        const file = await download(billing, tenant.contact, `${invoice.id}/receipt.pdf`);
        return { file, text: file.status === 200 ? await pdfText(file.bytes) : "" };
      },
      ({ text }) => text.includes("Harbour Lights Studio") && text.includes("Dana Whitfield"),
    );
    expect(receipt.file.status).toBe(200);
    expect(receipt.file.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${invoice.number}.pdf"`);
    expect(receipt.text).toContain(String(invoice.number));
    expect(receipt.text).toContain("Harbour Lights Studio");
    expect(receipt.text).toContain("Dana Whitfield");
    await new Promise((resolve) => setTimeout(resolve, 1500)); // give the older snapshot time to (not) apply
    expect(await pdfText((await download(billing, tenant.staff, `${invoice.id}.pdf`)).bytes)).toContain("Harbour Lights Studio");
    expect((await download(billing, tenant.otherContact, `${invoice.id}/receipt.pdf`)).status).toBe(404);
  }, 60_000); // the projections arrive through pg-boss, which a loaded machine may take a while to deliver

  it("falls back to a plain business name when identity's business snapshot has not arrived", async () => {
    const tenant = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { send: true });
    const file = await download(billing, tenant.contact, `${invoice.id}.pdf`);
    expect(file.status).toBe(200);
    expect(await pdfText(file.bytes)).toContain(String(invoice.number));
  });
});
