import { expect } from "vitest";
import type { PortalClient } from "./http-client.js";
import { uniqueSlug, type Platform } from "./platform.js";

/** Steps many end-to-end tests share, each through the public API like a real user. */

export const PLATFORM_HOST = "platform.test";

/** Links already handed out: mail arrives asynchronously, so an older message may still be the newest. */
const handedOut = new Set<string>();

/** Waits for the newest dev-mailbox message to `email` with a link not handed out before, and returns that link. */
export async function linkFromMailbox(reader: PortalClient, email: string, since = 0, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const data = await reader.data(
      `query ($to: String) { devMailbox(first: 10, to: $to) { edges { node { to subject text createdAt } } } }`,
      { to: email },
    );
    const fresh = data.devMailbox.edges
      .map((e: { node: { text: string; createdAt: string; to: string } }) => e.node)
      .filter((m: { createdAt: string }) => Date.parse(m.createdAt) >= since);
    // The whole link: the token, and the page it opens after sign-in (`&next=…`) when it names one.
    const link = fresh
      .map((m: { text: string }) => m.text.match(/https?:\/\/\S+token=[A-Za-z0-9_-]+(?:&next=[^\s&]+)?/)?.[0])
      .find((l: string | undefined) => l && !handedOut.has(l));
    if (link) {
      handedOut.add(link);
      return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`No sign-in link reached ${email} within ${timeoutMs} ms`);
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get("token")!;
}

export async function requestSignIn(client: PortalClient, email: string, audience: "CLIENT" | "STAFF" | "OPERATOR") {
  return client.data(
    `mutation ($input: RequestSignInInput!) { requestSignIn(input: $input) { __typename ... on UserError { message } } }`,
    { input: { email, audience } },
  );
}

export async function confirm(client: PortalClient, token: string) {
  return client.data(
    `mutation ($input: ConfirmSignInInput!) { confirmSignIn(input: $input) { __typename ... on UserError { message } } }`,
    { input: { token } },
  );
}

/** Requests a link, reads it from the dev mailbox and confirms it: the whole magic-link sign-in. */
export async function signIn(
  client: PortalClient,
  email: string,
  audience: "CLIENT" | "STAFF" | "OPERATOR",
  mailboxReader: PortalClient = client,
) {
  const since = Date.now() - 1000;
  const requested = await requestSignIn(client, email, audience);
  expect(requested.requestSignIn.__typename).toBe("RequestSignInSuccess");
  const link = await linkFromMailbox(mailboxReader, email, since);
  const confirmed = await confirm(client, tokenOf(link));
  expect(confirmed.confirmSignIn.__typename).toBe("SignInSuccess");
  return link;
}

export interface TestBusiness {
  operator: PortalClient;
  id: string;
  slug: string;
  host: string;
  ownerEmail: string;
  staff: PortalClient;
}

/** A platform operator creates a business; its owner signs in to the admin console. */
export async function createBusiness(platform: Platform, name = "Test Studio"): Promise<TestBusiness> {
  const operator = platform.client(PLATFORM_HOST);
  await signIn(operator, platform.operatorEmail, "OPERATOR");
  const slug = uniqueSlug();
  const ownerEmail = `owner@${slug}.test`;
  const created = await operator.data(
    `mutation ($input: CreateBusinessInput!) { createBusiness(input: $input) { __typename ... on BusinessSuccess { business { id slug } } ... on UserError { message } } }`,
    { input: { name, slug, ownerName: "Owner Person", ownerEmail } },
  );
  expect(created.createBusiness.__typename).toBe("BusinessSuccess");
  const host = `${slug}.localhost`;
  const staff = platform.client(host);
  await signIn(staff, ownerEmail, "STAFF");
  return { operator, id: created.createBusiness.business.id, slug, host, ownerEmail, staff };
}

export async function createContact(
  staff: PortalClient,
  input: { name: string; email: string; phone?: string; dnd?: boolean },
): Promise<string> {
  const result = await staff.data(
    `mutation ($input: ContactInput!) { createContact(input: $input) { __typename ... on ContactSuccess { contact { id } } ... on UserError { message } } }`,
    { input: { phone: null, dnd: false, ...input } },
  );
  expect(result.createContact.__typename).toBe("ContactSuccess");
  return result.createContact.contact.id;
}

/**
 * A draft invoice through the API. Billing learns of a new contact from identity's events, so a
 * contact created a moment ago may not be known there yet: retry while the answer says so.
 */
export async function createInvoice(staff: PortalClient, input: Record<string, unknown>, selection = "id"): Promise<any> {
  let result: any;
  await expect
    .poll(
      async () => {
        result = (
          await staff.data(
            `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { __typename ... on InvoiceSuccess { invoice { ${selection} } } ... on UserError { message } } }`,
            { input },
          )
        ).createInvoice;
        return result.__typename;
      },
      { timeout: 15_000 },
    )
    .toBe("InvoiceSuccess");
  return result.invoice;
}

export async function invite(staff: PortalClient, contactId: string) {
  const result = await staff.data(`mutation ($id: ID!) { sendInvitation(contactId: $id) { __typename ... on UserError { message } } }`, {
    id: contactId,
  });
  expect(result.sendInvitation.__typename).toBe("InvitationSuccess");
}

/**
 * A client of `business` as the usual journey makes one: staff create the contact and invite them,
 * and the contact signs in from the invitation's link. The email defaults to the first name's.
 */
export async function signedInContact(
  platform: { client(host: string): PortalClient },
  business: TestBusiness,
  name: string,
  email = `${name.split(" ")[0]!.toLowerCase()}@${business.slug}.test`,
): Promise<{ id: string; email: string; client: PortalClient }> {
  const id = await createContact(business.staff, { name, email });
  const since = Date.now() - 1000;
  await invite(business.staff, id);
  const client = platform.client(business.host);
  await confirm(client, tokenOf(await linkFromMailbox(business.staff, email, since)));
  return { id, email, client };
}
