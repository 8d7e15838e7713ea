import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deliver, LoopbackStripe, STRIPE_KEYS, stripeEvent } from "../subgraphs/billing/tests/stripe-server.js";
import type { PortalClient } from "./support/http-client.js";
import { confirm, createBusiness, createContact, invite, linkFromMailbox, tokenOf, type TestBusiness } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

const STATUS = `query($id: ID!, $token: String!) { publicOrderStatus(orderId: $id, orderToken: $token) { status nextStep } }`;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("buying an offer on its order page, paid with Stripe", () => {
  const stripe = new LoopbackStripe();
  let platform: Platform;
  let business: TestBusiness;
  let slug: string;
  let webhookUrl: string;
  beforeAll(async () => {
    const stripeApiBase = await stripe.start();
    platform = await startPlatform(inject("databaseUrl" as never) as string, {
      billing: { testPayments: false, stripe: STRIPE_KEYS, stripeApiBase },
    });
    webhookUrl = new URL("/webhooks/billing/stripe", platform.gatewayUrl).toString();
    business = await createBusiness(platform, "Order Atelier");
    const offer = await business.staff.data(
      `mutation($input: OfferInput!) { createOffer(input: $input) { __typename ... on OfferSuccess { offer { slug publicUrl } } } }`,
      { input: { name: "Pottery course", description: "Six **evenings** at the wheel.", price: 15000, currency: "EUR", slug: "pottery" } },
    );
    slug = offer.createOffer.offer.slug;
    expect(offer.createOffer.offer.publicUrl).toMatch(/^http:\/\/.+\/buy\/pottery$/);
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await stripe.stop();
  });

  /** A visitor on the business's host reads the offer, starts the order and Stripe confirms the payment (its webhook, through the gateway). */
  async function buy(visitor: PortalClient, buyer: { name: string; email: string; referralCode?: string }) {
    const page = await visitor.data(
      `query($slug: String!) { publicOffer(slug: $slug) { name descriptionHtml price currency paymentMode } }`,
      {
        slug,
      },
    );
    expect(page.publicOffer).toMatchObject({ name: "Pottery course", price: 15000, currency: "EUR", paymentMode: "STRIPE" });
    const started = await visitor.data(
      `mutation($input: StartOrderInput!) { startOrder(input: $input) { __typename ... on OrderStarted { orderId orderToken clientSecret } ... on UserError { message } } }`,
      { input: { slug, ...buyer } },
    );
    expect(started.startOrder.__typename).toBe("OrderStarted");
    const { orderId, orderToken, clientSecret } = started.startOrder;
    const intent = stripe.intents.get(clientSecret.split("_secret_")[0])!;
    const succeeded = stripeEvent("payment_intent.succeeded", {
      id: intent.id,
      object: "payment_intent",
      amount: intent.amount,
      amount_received: intent.amount,
      currency: intent.currency,
      status: "succeeded",
      metadata: intent.metadata,
    });
    const first = await deliver(webhookUrl, succeeded);
    expect(first.status).toBe(200);
    expect(await (await deliver(webhookUrl, succeeded)).json()).toMatchObject({ outcome: "duplicate" }); // Stripe retries
    const status = await until(
      () => visitor.data(STATUS, { id: orderId, token: orderToken }),
      (data) => data.publicOrderStatus?.status === "READY",
      "the order to be ready",
    );
    return { orderId, nextStep: status.publicOrderStatus.nextStep as string };
  }

  const contactsNamed = async (email: string) =>
    (
      await business.staff.data(`query($search: String) { contacts(search: $search) { edges { node { id name email } } } }`, {
        search: email,
      })
    ).contacts.edges.map((edge: { node: unknown }) => edge.node);

  it("a new buyer: one contact, told to check their email, a receipt email with the PDF, and the receipt in their portal", async () => {
    const email = `newbuyer@${business.slug}.test`;
    const { orderId, nextStep } = await buy(platform.client(business.host), { name: "Nia Buyer", email });
    expect(nextStep).toBe("CHECK_EMAIL");
    const contacts = await contactsNamed(email);
    expect(contacts).toEqual([expect.objectContaining({ name: "Nia Buyer", email })]);
    const contactId = contacts[0].id;

    const staffView = await business.staff.data(`query($id: ID!) { order(id: $id) { status paymentMethod contact { id name } } }`, {
      id: orderId,
    });
    expect(staffView.order).toMatchObject({ status: "READY", paymentMethod: "card", contact: { id: contactId, name: "Nia Buyer" } });
    const paidOrders = await business.staff.data(`{ orders(status: READY) { totalCount } }`);
    expect(paidOrders.orders.totalCount).toBe(1);

    const receipt = await until(
      () =>
        business.staff.data(
          `query($to: String) { devMailbox(first: 10, to: $to) { edges { node { subject attachments { name contentType } } } } }`,
          { to: email },
        ),
      (data) => data.devMailbox.edges.some((edge: any) => edge.node.subject.includes("receipt")),
      "the receipt email",
    );
    const message = receipt.devMailbox.edges.map((edge: any) => edge.node).find((node: any) => node.subject.includes("receipt"));
    expect(message.subject).toBe("Your receipt for Pottery course from Order Atelier");
    expect(message.attachments).toEqual([{ name: "receipt-order-1.pdf", contentType: "application/pdf" }]);

    // Signed in, the buyer finds the order and downloads its receipt through the gateway.
    const since = Date.now() - 1000;
    await invite(business.staff, contactId);
    const buyer = platform.client(business.host);
    await confirm(buyer, tokenOf(await linkFromMailbox(business.staff, email, since)));
    const mine = await buyer.data(`{ viewer { contact { orders { edges { node { id offerName receiptUrl } } } } } }`);
    expect(mine.viewer.contact.orders.edges.map((edge: any) => edge.node)).toEqual([
      { id: orderId, offerName: "Pottery course", receiptUrl: `/files/billing/orders/${orderId}/receipt.pdf` },
    ]);
    const pdf = await buyer.download(`/files/billing/orders/${orderId}/receipt.pdf`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain("Receipt for order #1");
    expect(text).toContain("Pottery course");
    expect(text).toContain("€150.00");
    expect((await platform.client(business.host).download(`/files/billing/orders/${orderId}/receipt.pdf`)).status).toBe(401);
  });

  it("an existing client buying with their email in other letters keeps their one contact and is told to sign in", async () => {
    const email = `regular@${business.slug}.test`;
    const contactId = await createContact(business.staff, { name: "Rae Regular", email });
    const since = Date.now() - 1000;
    await invite(business.staff, contactId);
    await linkFromMailbox(business.staff, email, since);
    const { orderId, nextStep } = await buy(platform.client(business.host), { name: "R. Regular", email: email.toUpperCase() });
    expect(nextStep).toBe("SIGN_IN");
    expect(await contactsNamed(email)).toEqual([expect.objectContaining({ id: contactId, name: "Rae Regular" })]);
    const view = await business.staff.data(`query($id: ID!) { order(id: $id) { contact { id } newContact } }`, { id: orderId });
    expect(view.order).toEqual({ contact: { id: contactId }, newContact: false });
  });
});
