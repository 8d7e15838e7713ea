import { startGateway, type RunningGateway } from "@portal/gateway";
import { TEST_SECRET } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { onOrigin, staffSignIn } from "../support/browser-journeys.js";
import { useBrowserPlatform } from "../support/browser.js";
import { createBusiness, linkFromMailbox } from "../support/journeys.js";

/**
 * The web app against a gateway in production, serving it: every operation the app sends (queries,
 * mutations, live subscriptions) is one of its persisted documents, named by hash, and a browser's
 * own query text is refused.
 */
describe("the web app on a production gateway that trusts only its documents", () => {
  const env = useBrowserPlatform();
  let gateway: RunningGateway;
  beforeAll(async () => {
    const { identity, automation, billing, documents, communities, courses, appointments, affiliates } = env.platform;
    gateway = await startGateway({
      port: 0,
      host: "127.0.0.1",
      supergraphPath: "schema/supergraph.graphql",
      subgraphUrls: {
        identity: identity.url,
        automation: automation.url,
        billing: billing.url,
        documents: documents.url,
        communities: communities.url,
        courses: courses.url,
        appointments: appointments.url,
        affiliates: affiliates.url,
      },
      identityInternalUrl: identity.url,
      portalSecret: TEST_SECRET,
      databaseUrl: inject("databaseUrl" as never) as string,
      production: true,
      webDistDir: "web/dist",
      logging: false,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it("signs staff and a client in, shows the dashboard and live updates; the browser's own text is refused", async () => {
    const business = await createBusiness(env.platform, "Trusted Pilates");
    const origin = `http://${business.host}:${gateway.port}`;
    const clientEmail = `tess@${business.slug}.test`;
    const staffPage = await staffSignIn(env.browser, origin, business);

    await staffPage.getByRole("link", { name: /new contact/i }).click();
    await staffPage.getByLabel("Name").fill("Tess Client");
    await staffPage.getByLabel("Email").fill(clientEmail);
    await staffPage.getByRole("button", { name: "Create contact" }).click();
    await staffPage.goto(`${origin}/admin/contacts`);
    const row = staffPage.getByRole("row").filter({ hasText: clientEmail });
    const since = Date.now() - 1000;
    await row.getByRole("button", { name: "Invite" }).click();
    await expect.poll(() => row.textContent()).toContain("Invited");

    const clientPage = await (await env.browser.newContext()).newPage();
    await clientPage.goto(onOrigin(origin, await linkFromMailbox(business.staff, clientEmail, since)));
    await clientPage.getByRole("button", { name: "Sign in" }).click();
    await clientPage.getByRole("heading", { name: /Welcome, Tess/ }).waitFor();
    // Staff's contacts page follows access live: a subscription sent by hash over WebSocket.
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("Active");

    // The same signed-in browser writing its own query is refused.
    const adHoc = await clientPage.evaluate(async () => {
      const response = await fetch("/graphql", {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json", "x-portal-csrf": "1" },
        body: JSON.stringify({ query: "{ viewer { __typename } }" }),
      });
      return { status: response.status, body: await response.json() };
    });
    expect(adHoc.status).toBe(400);
    expect(adHoc.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
  }, 90_000);
});
