import { TEST_SECRET, unseal, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkNextPath, isSafeNextPath } from "../src/shared/next-path.js";
import {
  anonymousIn,
  CONFIRM,
  createContact,
  createTenant,
  eventsEventually,
  gql,
  invite,
  randomIp,
  signInJobs,
  signInJobsDone,
  startIdentity,
  type OutboxRow,
} from "./helpers.js";

const REQUEST_WITH_NEXT = `mutation($email: String!, $audience: SignInAudience, $next: String) {
  requestSignIn(input: { email: $email, audience: $audience, next: $next }) { __typename ... on ValidationError { field message } }
}`;

const linkOf = (event: OutboxRow) => new URL(unseal(TEST_SECRET, event.payload.sealedLink as string));

/** Values a phishing link would put in `next` to send someone elsewhere after signing in. */
const OFF_SITE = [
  "//evil.example/invoices",
  "/\\evil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "http:/evil.example",
  "javascript:alert(1)",
  "invoices/1",
  " /invoices/1",
  `/${"a".repeat(500)}`,
];

describe("the page a sign-in link opens afterwards (next)", () => {
  it("accepts only same-site paths: one leading slash, no backslash, no control character, at most 500 characters", () => {
    for (const path of [
      "/",
      "/invoices/7d0c2b6e",
      "/documents/1?tab=signed",
      "/admin/invoices/1#lines",
      "/a/b%2F%2Fc",
      `/${"a".repeat(499)}`,
    ]) {
      expect(isSafeNextPath(path), path).toBe(true);
    }
    for (const path of [...OFF_SITE, "", "/\t/evil.example", "/\n/evil.example", "/in\u0000voices", "/x\u007f", "/x\u0085"]) {
      expect(isSafeNextPath(path), JSON.stringify(path)).toBe(false);
    }
    expect(checkNextPath("next", undefined)).toEqual({ next: null });
    expect(checkNextPath("next", "  ")).toEqual({ next: null });
    expect(checkNextPath("next", "/invoices/1")).toEqual({ next: "/invoices/1" });
    expect(checkNextPath("next", "//evil.example")).toMatchObject({ field: "next" });
  });

  describe("through identity", () => {
    let identity: RunningSubgraphProcess;
    beforeAll(async () => {
      identity = await startIdentity();
    });
    afterAll(async () => {
      await identity?.stop();
    });

    it("puts a client's next into the emailed link, URL-encoded beside the token, and the link still signs in", async () => {
      const tenant = await createTenant(identity);
      const contact = await createContact(identity, tenant);
      await invite(identity, tenant, contact.id);
      const next = "/invoices/5f1c?tab=paid&x=a b";
      const { data } = await gql(identity, anonymousIn(tenant.businessId, randomIp()), REQUEST_WITH_NEXT, { email: contact.email, next });
      expect(data.requestSignIn.__typename).toBe("RequestSignInSuccess");

      const [event] = await eventsEventually(identity, "identity.sign_in.requested", { key: "contactId", value: contact.id });
      const link = linkOf(event!);
      expect(`${link.origin}${link.pathname}`).toBe(`http://${tenant.slug}.localhost:4000/auth/confirm`);
      expect(link.searchParams.get("next")).toBe(next);
      expect(link.search).not.toContain("/invoices"); // encoded, so it cannot end the token or add parameters
      expect([...link.searchParams.keys()]).toEqual(["token", "next"]);
      const signedIn = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token: link.searchParams.get("token") });
      expect(signedIn.data.confirmSignIn.__typename).toBe("SignInSuccess");
    });

    it("carries a staff member's next to the admin console's confirm page, and leaves it out when none was given", async () => {
      const tenant = await createTenant(identity);
      const ownerEmail = `owner@${tenant.slug}.test`;
      await gql(identity, anonymousIn(tenant.businessId, randomIp()), REQUEST_WITH_NEXT, {
        email: ownerEmail,
        audience: "STAFF",
        next: "/admin/documents/42",
      });
      await gql(identity, anonymousIn(tenant.businessId, randomIp()), REQUEST_WITH_NEXT, { email: ownerEmail, audience: "STAFF" });
      // The two requests are separate jobs, so their links may be issued in either order.
      const links = (await eventsEventually(identity, "identity.sign_in.requested", { key: "staffId", value: tenant.ownerId }, 2)).map(
        linkOf,
      );
      expect(links.map((link) => link.pathname)).toEqual(["/admin/auth/confirm", "/admin/auth/confirm"]);
      expect(links.map((link) => link.searchParams.get("next")).sort()).toEqual(["/admin/documents/42", null]);
      expect((await signInJobs(identity, ownerEmail)).map((job) => job.data.next)).toEqual(["/admin/documents/42", undefined]);
    });

    it("refuses an off-site next as a ValidationError naming next, and queues nothing for it", async () => {
      const tenant = await createTenant(identity);
      const contact = await createContact(identity, tenant);
      await invite(identity, tenant, contact.id);
      for (const next of OFF_SITE) {
        const { data } = await gql(identity, anonymousIn(tenant.businessId, randomIp()), REQUEST_WITH_NEXT, { email: contact.email, next });
        expect(data.requestSignIn, next).toMatchObject({ __typename: "ValidationError", field: "next" });
      }
      expect(await signInJobs(identity, contact.email)).toHaveLength(0);

      // A blank next is no next at all.
      await gql(identity, anonymousIn(tenant.businessId, randomIp()), REQUEST_WITH_NEXT, { email: contact.email, next: "" });
      await signInJobsDone(identity, contact.email, 1);
    });

    it("never issues a link with an unsafe next, even from a job that carries one", async () => {
      const tenant = await createTenant(identity);
      const contact = await createContact(identity, tenant);
      await invite(identity, tenant, contact.id);
      // The queue is only data: a job written by anything but requestSignIn is checked again.
      await identity.boss.send("identity.sign_in_link", {
        businessId: tenant.businessId,
        audience: "client",
        email: contact.email,
        next: "//evil.example",
      });
      const [event] = await eventsEventually(identity, "identity.sign_in.requested", { key: "contactId", value: contact.id });
      expect(linkOf(event!).searchParams.has("next")).toBe(false);
    });
  });
});
