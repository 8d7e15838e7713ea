import "reflect-metadata";
import { acceptPreviousSecret, forkFor, type RunningSubgraphProcess, sql, TEST_SECRET, unseal } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resealEndpointSecrets } from "../src/webhooks/reseal.js";
import { createScratchDatabase, newBusiness, staffOf, startAutomation } from "./helpers.js";
import { registered } from "./webhooks-helpers.js";

const NEW_SECRET = "rotated-secret-abcdefghijklmnopqrstuvwxyz-0123";

describe("webhook endpoint secrets across a PORTAL_SECRET rotation", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
  });
  afterAll(async () => {
    acceptPreviousSecret(NEW_SECRET, undefined);
    await automation?.stop();
    await database?.drop();
  });

  it("are sealed again with the new secret while the old one is still accepted, so they sign once it is dropped", async () => {
    const staff = staffOf(newBusiness());
    const { secret, endpoint } = await registered(automation, staff, { url: "https://hooks.example.com/in" });
    const sealedOf = async () =>
      (
        await sql<{ sealed_secret: string }>(
          forkFor(automation.orm, null),
          `select sealed_secret from automation.webhook_endpoint where id = ?`,
          [endpoint.id],
        )
      )[0]!.sealed_secret;
    const before = await sealedOf();
    expect(() => unseal(NEW_SECRET, before)).toThrow(); // the new secret alone cannot open it

    // Processes restarted with PORTAL_SECRET=new and PORTAL_SECRET_PREVIOUS=old.
    acceptPreviousSecret(NEW_SECRET, TEST_SECRET);
    expect(await resealEndpointSecrets(automation.orm, NEW_SECRET)).toBeGreaterThanOrEqual(1);
    expect(await resealEndpointSecrets(automation.orm, NEW_SECRET)).toBe(0); // nothing left the second time

    // PORTAL_SECRET_PREVIOUS dropped: the endpoint's secret still opens, unchanged.
    acceptPreviousSecret(NEW_SECRET, undefined);
    expect(unseal(NEW_SECRET, await sealedOf())).toBe(secret);
  });
});
