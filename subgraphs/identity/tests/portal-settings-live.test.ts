import { socketParams, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousIn, contactIn, createContact, createTenant, gql, type Tenant, startIdentity } from "./helpers.js";

const UPDATE_SETTINGS = `mutation($input: PortalSettingsInput!) { updatePortalSettings(input: $input) { __typename } }`;
const SETTINGS_CHANGED = `subscription { portalSettingsChanged { welcomeMessage sections { section enabled } } }`;

/** Opens the subscription on `identity` as `caller`; collects every answer (data or error). */
function listen(identity: RunningSubgraphProcess, caller: Caller) {
  const client: Client = createClient({
    url: identity.url.replace("http", "ws"),
    webSocketImpl: WebSocket,
    connectionParams: socketParams(caller),
  });
  const received: unknown[] = [];
  let notify: () => void = () => undefined;
  client.subscribe(
    { query: SETTINGS_CHANGED },
    {
      next: (value) => {
        received.push(value.errors ?? value.data?.portalSettingsChanged);
        notify();
      },
      error: (error) => {
        received.push({ error });
        notify();
      },
      complete: () => undefined,
    },
  );
  /** Resolves once `count` answers arrived. */
  const answers = (count: number) =>
    new Promise<unknown[]>((resolve) => {
      notify = () => {
        if (received.length >= count) resolve(received.slice(0, count));
      };
      notify();
    });
  return { answers, received, close: () => client.dispose() };
}

describe("portal settings reach open portals live", () => {
  let identity: RunningSubgraphProcess;
  let second: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
    second = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
    await second?.stop();
  });

  const turnInvoices = (tenant: Tenant, enabled: boolean, welcomeMessage: string) =>
    gql(identity, tenant.staff, UPDATE_SETTINGS, { input: { welcomeMessage, sections: [{ section: "INVOICES", enabled }] } });

  it("sends a contact and the staff of business A A's new settings, from another instance, and never B's", async () => {
    const a = await createTenant(identity, "live-a");
    const b = await createTenant(identity, "live-b");
    const contactOfA = await createContact(identity, a);
    const clientOfA = listen(second, contactIn(a.businessId, contactOfA.id));
    const staffOfA = listen(second, a.staff);
    await new Promise((resolve) => setTimeout(resolve, 300)); // subscribed before anything changes

    expect((await turnInvoices(b, false, "B's news")).data.updatePortalSettings.__typename).toBe("PortalSettingsSuccess");
    expect((await turnInvoices(a, false, "Invoices are moving")).data.updatePortalSettings.__typename).toBe("PortalSettingsSuccess");
    await turnInvoices(a, true, "Invoices are back");

    for (const listener of [clientOfA, staffOfA]) {
      const [off, on] = (await listener.answers(2)) as { welcomeMessage: string; sections: { section: string; enabled: boolean }[] }[];
      expect(off!.welcomeMessage).toBe("Invoices are moving");
      expect(off!.sections).toContainEqual({ section: "INVOICES", enabled: false });
      expect(on!.welcomeMessage).toBe("Invoices are back");
      expect(on!.sections).toContainEqual({ section: "INVOICES", enabled: true });
      expect(JSON.stringify(listener.received)).not.toContain("B's news");
      await listener.close();
    }
  });

  it("refuses anonymous visitors", async () => {
    const a = await createTenant(identity, "live-anon");
    const visitor = listen(identity, anonymousIn(a.businessId));
    const [answer] = await visitor.answers(1);
    expect(JSON.stringify(answer)).toContain("UNAUTHENTICATED");
    await visitor.close();
  });
});
