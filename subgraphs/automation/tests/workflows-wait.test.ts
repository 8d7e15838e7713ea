import "reflect-metadata";
import { identity } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createScratchDatabase, eventually, newBusiness, publish, startAutomation } from "./helpers.js";
import { newContact, publishBusiness } from "./invoice-helpers.js";
import { answer, commandsOf, createWorkflow, type Outbox, outboxReader, runReaching, runsOf } from "./workflows-helpers.js";

describe("a workflow's wait", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;
  let outbox: Outbox;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
    outbox = outboxReader(database.url);
  });
  afterAll(async () => {
    await automation?.stop();
    await outbox?.close();
    await database?.drop();
  });

  it("survives a restart of the automation service and then goes on with the next step; the start gives businesses known before their defaults", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const workflow = await createWorkflow(automation, business, {
      name: "Welcome later",
      trigger: "CONTACT_CREATED",
      actions: [{ type: "WAIT", amount: 1, unit: "MINUTES" }, { type: "INVITE_TO_PORTAL" }],
    });
    const changed = newContact();
    await publish(automation, identity.contactChanged, business, { contact: changed }); // a change, not a creation
    const created = newContact({ name: "Ada Lovelace", firstName: "Ada" });
    await publish(automation, identity.contactChanged, business, { contact: created, created: true });
    const waiting = await runReaching(automation, business, workflow.id, "WAITING");
    expect(waiting).toMatchObject({ contactId: created.id, triggerSummary: "Contact Ada Lovelace created" });
    expect(waiting.steps).toEqual([expect.objectContaining({ actionType: "WAIT", label: "Wait 1 minute", status: "WAITING" })]);
    const dueIn = new Date(waiting.steps[0].dueAt).getTime() - Date.now();
    expect(dueIn).toBeGreaterThan(30_000);
    expect(dueIn).toBeLessThanOrEqual(60_000);

    // A business automation knew before workflows existed: no defaults yet.
    const older = newBusiness();
    await publishBusiness(automation, older);
    await eventually(
      async () => (await outbox.pool.query(`select 1 from automation.workflow where business_id = $1`, [older.id])).rowCount,
    );

    await automation.stop();
    await outbox.pool.query(`delete from automation.workflow where business_id = $1`, [older.id]);
    await outbox.pool.query(`delete from automation.workflow_defaults where business_id = $1`, [older.id]);
    // While it is down, the minute passes (moved forward rather than waited for).
    await outbox.pool.query(`update pgboss.job set start_after = now() where name = 'automation.workflow_step_due' and state = 'created'`);
    automation = await startAutomation(database.url);
    // The start gave it its defaults (read straight from the table: the API would give them too).
    const { rows } = await outbox.pool.query(`select default_key from automation.workflow where business_id = $1 order by default_key`, [
      older.id,
    ]);
    expect(rows.map((row) => row.default_key)).toHaveLength(7);

    const [invite] = await commandsOf(outbox, business, identity.inviteRequested);
    expect(invite).toMatchObject({ contactId: created.id });
    await answer(automation, business, identity.inviteRequested, invite!.source);
    const done = await runReaching(automation, business, workflow.id, "DONE");
    expect(done.steps.map((step: any) => [step.actionType, step.status])).toEqual([
      ["WAIT", "DONE"],
      ["INVITE_TO_PORTAL", "DONE"],
    ]);
    expect(await runsOf(automation, business, { workflowId: workflow.id })).toHaveLength(1);
  });
});
