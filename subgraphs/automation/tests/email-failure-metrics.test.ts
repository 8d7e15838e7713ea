import "reflect-metadata";
import { identity } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createScratchDatabase,
  eventually,
  linkPayload,
  logEntriesFor,
  newBusiness,
  newRecipient,
  publish,
  startAutomation,
  startFakePostmark,
  type FakePostmark,
} from "./helpers.js";

describe("email failures at /metrics", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let postmark: FakePostmark;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    postmark = await startFakePostmark();
    automation = await startAutomation(database.url, {
      mail: { postmarkServerToken: postmark.token, postmarkApiUrl: postmark.url, fromAddress: "Client Portal <portal@example.test>" },
    });
  });
  afterAll(async () => {
    await automation?.stop();
    await postmark?.close();
    await database?.drop();
  });

  const failures = async (kind: string) => {
    const text = await (await fetch(`${new URL(automation.url).origin}/metrics`)).text();
    return Number(new RegExp(`^portal_email_failures_total\\{kind="${kind}"\\} (\\S+)$`, "m").exec(text)?.[1] ?? 0);
  };

  it("counts a temporary failure that is retried and a final one that is logged as failed", async () => {
    const [temporaryBefore, finalBefore] = [await failures("temporary"), await failures("final")];
    const business = newBusiness();
    const retried = newRecipient();
    const rejected = newRecipient();
    postmark.script(retried.email, [{ status: 503, ErrorCode: 0, Message: "Service unavailable" }]);
    postmark.script(rejected.email, [{ status: 422, ErrorCode: 406, Message: "Inactive recipient" }]);
    await publish(automation, identity.contactInvited, business, linkPayload(business, retried, `${business.portalUrl}/i/1`));
    await publish(automation, identity.contactInvited, business, linkPayload(business, rejected, `${business.portalUrl}/i/2`));
    for (const recipient of [retried, rejected])
      await eventually(
        async () => (await logEntriesFor(automation, business, recipient.email)).find((entry) => entry.status !== "QUEUED"),
        25_000,
        `email to ${recipient.email}`,
      );

    expect((await failures("temporary")) - temporaryBefore).toBe(1);
    expect((await failures("final")) - finalBefore).toBe(1);
  });
});
