import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server } from "node:http";
import { BATCH_PATH, makeCaller, signCaller, TEST_SECRET } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBusiness, createContact, createInvoice, signedInContact } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

const DASHBOARD = `{ viewer { contact {
  name
  invoiceSummary { outstandingCount totalDue }
  documentSummary { waitingForSignature }
  communitySummary { groupCount }
  courseSummary { courseCount }
  appointmentSummary { canBook }
  affiliateSummary { isAffiliate }
} } }`;

const PORTAL = JSON.stringify({ query: "{ portal { business { name } } }" });

/** The paths of the HTTP requests the platform's subgraph servers receive while `work` runs. */
async function requestsTo(servers: Server[], work: () => Promise<unknown>): Promise<string[]> {
  const paths: string[] = [];
  const seen = (message: unknown) => {
    const { server, request } = message as { server: Server; request: IncomingMessage };
    if (servers.includes(server)) paths.push(request.url ?? "");
  };
  subscribe("http.server.request.start", seen);
  try {
    await work();
  } finally {
    unsubscribe("http.server.request.start", seen);
  }
  return paths;
}

async function post(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, json: (await response.json()) as any };
}

describe("the dashboard's fetches to subgraphs of one process", () => {
  let platform: Platform;
  let servers: Server[];
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
    const { identity, billing, documents, communities, courses, appointments, affiliates } = platform;
    servers = [identity, billing, documents, communities, courses, appointments, affiliates].map((subgraph) => subgraph.server);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("go in one batch after identity's answer, and the client sees every section", async () => {
    const business = await createBusiness(platform, "Batch Studio");
    const { id: contactId, client } = await signedInContact(platform, business, "Bo Batch");
    const { id } = await createInvoice(business.staff, {
      contactId,
      currency: "USD",
      lines: [{ description: "Session", quantity: 1, unitPrice: 4000 }],
      issueDate: "2026-11-01",
      dueDate: "2099-12-01",
    });
    await business.staff.data(`mutation ($id: ID!) { sendInvoice(id: $id) { __typename } }`, { id });

    await client.data(DASHBOARD); // the gateway learns which subgraphs share this process
    let dashboard: any;
    const paths = await requestsTo(servers, async () => {
      dashboard = await client.data(DASHBOARD);
    });
    // Authentication, the viewer from identity, then all six sections' summaries in one exchange.
    expect(paths.filter((path) => path === BATCH_PATH)).toHaveLength(1);
    expect(paths.filter((path) => path === "/graphql").length).toBeLessThanOrEqual(2);
    const contact = dashboard.viewer.contact;
    expect(contact.name).toBe("Bo Batch");
    expect(contact.invoiceSummary).toEqual({ outstandingCount: 1, totalDue: 4000 });
    expect(contact.documentSummary).toEqual({ waitingForSignature: 0 });
    expect(contact.communitySummary).toEqual({ groupCount: 0 });
    expect(contact.courseSummary).toEqual({ courseCount: 0 });
    expect(contact.appointmentSummary).toMatchObject({ canBook: expect.any(Boolean) });
    expect(contact.affiliateSummary).toEqual({ isAffiliate: false });
  });

  it("are refused unsigned or altered, and each part answers for the signed caller's business", async () => {
    const mine = await createBusiness(platform, "Batch Owner Studio");
    const contactId = await createContact(mine.staff, { name: "Mia Mine", email: `mia@${mine.slug}.test` });
    const url = new URL(BATCH_PATH, platform.billing.url).href;
    const port = (subgraph: { url: string }) => Number(new URL(subgraph.url).port);
    const body = JSON.stringify({
      deadlineMs: 5_000,
      parts: [{ subgraph: "identity", port: port(platform.identity), body: PORTAL }],
    });
    const caller = makeCaller({ businessId: mine.id, actor: { kind: "contact", id: contactId } });
    const signed = signCaller(TEST_SECRET, caller, { method: "POST", path: BATCH_PATH, body });

    expect((await post(url, {}, body)).status).toBe(401);
    const altered = body.replace("identity", "identity ");
    expect((await post(url, signed, altered)).status).toBe(401);

    const answer = await post(url, signed, body);
    expect(answer.status).toBe(200);
    expect(answer.json.parts).toEqual([
      { status: 200, headers: expect.any(Object), body: { data: { portal: { business: { name: "Batch Owner Studio" } } } } },
    ]);
  });
});
