import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { affiliates, appointments, billing, communities, courses, documents, identity } from "@portal/contracts";
import { apiKeyIn, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { confirmed, newBooking } from "./appointment-helpers.js";
import { documentCompleted } from "./document-helpers.js";
import {
  createScratchDatabase,
  eventually,
  gql,
  logEntriesFor,
  newBusiness,
  newRecipient,
  publish,
  staffOf,
  startAutomation,
  type TestBusiness,
} from "./helpers.js";
import { invoicePaid, invoiceSent, newContact, publishBusiness, publishContact } from "./invoice-helpers.js";
import {
  answer,
  CREATE,
  commandsOf,
  createWorkflow,
  type Outbox,
  outboxReader,
  RUN_FIELDS,
  runReaching,
  runsOf,
  WORKFLOW_FIELDS,
} from "./workflows-helpers.js";

const MAILBOX = `query Mailbox($to: String) { devMailbox(first: 20, to: $to) { edges { node { subject text html } } } }`;
const sourceOf = (runId: string) => (command: Record<string, any>) => String(command.source).startsWith(`workflow_run:${runId}:`);

describe("workflows", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;
  let outbox: Outbox;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url, { workflowStepTimeoutSeconds: 8 });
    outbox = outboxReader(database.url);
  });
  afterAll(async () => {
    await automation?.stop();
    await outbox?.close();
    await database?.drop();
  });

  async function businessWithContact(overrides: Partial<ReturnType<typeof newContact>> = {}) {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const contact = newContact(overrides);
    await publishContact(automation, business, contact);
    await eventually(
      async () => (await outbox.pool.query(`select 1 from automation.known_contact where contact_id = $1`, [contact.id])).rowCount,
      20_000,
      "contact known",
    );
    return { business, contact };
  }

  async function defaultsOf(business: TestBusiness) {
    const response = await gql(
      automation,
      staffOf(business),
      `{ workflows(first: 50) { totalCount edges { node { ${WORKFLOW_FIELDS} } } } }`,
    );
    return response.data.workflows.edges.map((edge: any) => edge.node) as any[];
  }

  it("gives every business the default workflows, which invite as the portal always did and never on “don't invite”", async () => {
    const { business, contact } = await businessWithContact();
    const workflows = await eventually(async () => {
      const list = await defaultsOf(business);
      return list.length === 7 && list;
    });
    expect(workflows.every((workflow) => workflow.isDefault && workflow.enabled)).toBe(true);
    expect(workflows.map((workflow) => workflow.trigger).sort()).toEqual(
      [
        "ADDED_TO_GROUP",
        "APPOINTMENT_BOOKED",
        "BECAME_AFFILIATE",
        "COURSE_ACCESS_GRANTED",
        "DOCUMENT_SENT",
        "INVOICE_SENT",
        "ORDER_PAID",
      ].sort(),
    );

    const silent = invoiceSent(contact.id, { inviteToPortal: false });
    await publish(automation, billing.invoiceSent, business, silent);
    const sent = invoiceSent(contact.id);
    await publish(automation, billing.invoiceSent, business, sent);
    const second = newContact();
    await publishContact(automation, business, second);
    const document = randomUUID();
    await publish(automation, documents.documentSent, business, {
      documentId: document,
      title: "Agreement",
      contactIds: [contact.id, second.id],
      reference: `document:${document}`,
    });
    const group = randomUUID();
    await publish(automation, communities.memberAdded, business, {
      groupId: group,
      groupName: "Makers",
      contactId: contact.id,
      portalPath: `/communities/${group}`,
    });
    const course = randomUUID();
    const enrolment = randomUUID();
    await publish(automation, courses.accessGranted, business, {
      courseId: course,
      courseTitle: "Pottery",
      enrolmentId: enrolment,
      contactId: contact.id,
      recipient: newRecipient(),
      link: `${business.portalUrl}/courses/${course}`,
      reference: `course_enrolment:${enrolment}`,
    });
    const booking = newBooking(business, { contactId: contact.id });
    await publish(automation, appointments.bookingConfirmed, business, confirmed(booking));
    await publish(automation, affiliates.affiliateJoined, business, { affiliateId: randomUUID(), contactId: contact.id, code: "ada" });

    const invites = await commandsOf(outbox, business, identity.inviteRequested, 7);
    const nexts = invites.map((invite) => invite.next).sort();
    expect(nexts).toEqual(
      [
        `/invoices/${sent.invoiceId}`,
        `/documents/${document}`,
        `/documents/${document}`,
        `/communities/${group}`,
        `/courses/${course}`,
        `/appointments/${booking.bookingId}`,
        "/affiliates",
      ].sort(),
    );
    expect(invites.filter((invite) => invite.next?.includes(silent.invoiceId))).toEqual([]);
    expect(new Set(invites.filter((invite) => invite.next === `/documents/${document}`).map((invite) => invite.contactId))).toEqual(
      new Set([contact.id, second.id]),
    );

    const invoiceInvite = invites.find((invite) => invite.next === `/invoices/${sent.invoiceId}`)!;
    await answer(automation, business, identity.inviteRequested, invoiceInvite.source, "SKIPPED", "Already invited to the portal");
    const invoiceWorkflow = workflows.find((workflow) => workflow.trigger === "INVOICE_SENT");
    const run = await runReaching(automation, business, invoiceWorkflow.id, "DONE");
    expect(run.triggerSummary).toBe("Invoice #42 sent ($1,250.00)");
    expect(run.contactName).toBe("Grace Hopper");
    expect(run.steps).toEqual([
      expect.objectContaining({ actionType: "INVITE_TO_PORTAL", status: "SKIPPED", reason: "Already invited to the portal", attempt: 1 }),
    ]);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("order paid: invites the buyer and grants each course and group of the offer, one step after the other", async () => {
    const { business, contact } = await businessWithContact();
    const order = randomUUID();
    const [courseA, groupA] = [randomUUID(), randomUUID()];
    await publish(automation, billing.orderPaid, business, {
      orderId: order,
      offerId: randomUUID(),
      offerName: "Pottery club",
      contactId: contact.id,
      newContact: true,
      currency: "EUR",
      amountPaid: 4900,
      paidAt: new Date().toISOString(),
      grants: { courseIds: [courseA], groupIds: [groupA] },
      referralCode: null,
      portalPath: `/orders/${order}`,
    });
    const [invite] = await commandsOf(outbox, business, identity.inviteRequested);
    expect(invite).toMatchObject({ contactId: contact.id, next: `/orders/${order}` });
    expect(await outbox.commands(business.id, courses.enrolmentRequested.name)).toEqual([]); // one step at a time
    await answer(automation, business, identity.inviteRequested, invite!.source);
    const [enrol] = await commandsOf(outbox, business, courses.enrolmentRequested);
    expect(enrol).toMatchObject({ courseId: courseA, contactId: contact.id, inviteToPortal: false });
    await answer(automation, business, courses.enrolmentRequested, enrol!.source);
    const [add] = await commandsOf(outbox, business, communities.memberAddRequested);
    expect(add).toMatchObject({ groupId: groupA, contactId: contact.id, inviteToPortal: false });
    await answer(automation, business, communities.memberAddRequested, add!.source);
    const workflowId = (await defaultsOf(business)).find((workflow) => workflow.trigger === "ORDER_PAID").id;
    const run = await runReaching(automation, business, workflowId, "DONE");
    expect(run.triggerSummary).toBe("Order of “Pottery club” paid (€49.00)");
    expect(run.steps.map((step: any) => [step.actionType, step.status])).toEqual([
      ["INVITE_TO_PORTAL", "DONE"],
      ["ENROL_IN_COURSE", "DONE"],
      ["ADD_TO_GROUP", "DONE"],
    ]);
  });

  it("runs staff's own workflow when its conditions hold: every action, the email with the trigger's values, DND respected", async () => {
    const { business, contact } = await businessWithContact({ accessStatus: "ACTIVE" });
    const [course, keep, leave] = [randomUUID(), randomUUID(), randomUUID()];
    const workflow = await createWorkflow(automation, business, {
      name: "Big payments",
      trigger: "INVOICE_PAID",
      conditions: [
        { field: "amountPaid", operator: "GREATER_THAN", value: "50" },
        { field: "contactHasPortalAccess", operator: "EQUALS", value: "true" },
      ],
      actions: [
        { type: "ENROL_IN_COURSE", courseId: course },
        { type: "ADD_TO_GROUP", groupId: keep },
        { type: "REMOVE_FROM_GROUP", groupId: leave },
        { type: "MAKE_AFFILIATE" },
        {
          type: "SEND_EMAIL",
          subject: "Thanks {{contact.firstName}}",
          body: "You paid {{trigger.amountPaid}} {{trigger.currency}}.\n\nSee {{link}}",
        },
      ],
    });
    await publish(automation, billing.invoicePaid, business, invoicePaid(contact.id, { amountPaid: 1000 })); // 10.00: below
    const paid = invoicePaid(contact.id, { amountPaid: 9950 });
    await publish(automation, billing.invoicePaid, business, paid);

    for (const command of [
      courses.enrolmentRequested,
      communities.memberAddRequested,
      communities.memberRemoveRequested,
      affiliates.affiliateRequested,
    ]) {
      const [sent] = await commandsOf(outbox, business, command);
      expect(sent).toMatchObject({ contactId: contact.id });
      await answer(
        automation,
        business,
        command,
        sent!.source,
        command === communities.memberRemoveRequested ? "SKIPPED" : "DONE",
        command === communities.memberRemoveRequested ? "Not a member of the group" : null,
      );
    }
    expect((await outbox.commands(business.id, courses.enrolmentRequested.name))[0]).toMatchObject({ courseId: course });
    expect((await outbox.commands(business.id, communities.memberRemoveRequested.name))[0]).toMatchObject({ groupId: leave });
    const run = await runReaching(automation, business, workflow.id, "DONE");
    expect(run.steps.map((step: any) => step.status)).toEqual(["DONE", "DONE", "SKIPPED", "DONE", "DONE"]);
    expect(run.steps[2].reason).toBe("Not a member of the group");
    expect(await runsOf(automation, business, { workflowId: workflow.id })).toHaveLength(1); // the 10.00 payment started nothing

    const mail = await eventually(async () => {
      const response = await gql(automation, staffOf(business), MAILBOX, { to: contact.email });
      return response.data?.devMailbox.edges[0]?.node;
    });
    expect(mail.subject).toBe("Thanks Grace");
    const [logged] = await logEntriesFor(automation, business, contact.email);
    expect(logged).toMatchObject({ template: "WORKFLOW_EMAIL", subject: "Thanks Grace" });
    const templates = await gql(automation, staffOf(business), "{ notificationTemplates { key } }");
    expect(templates.data.notificationTemplates.map((template: { key: string }) => template.key)).not.toContain("WORKFLOW_EMAIL");
    expect(mail.text).toContain("You paid 99.5 EUR.");
    expect(mail.text).toContain(`${business.portalUrl}/invoices/${paid.invoiceId}`);

    // The same workflow for a contact with Do Not Disturb: the email is skipped, and says why.
    const quiet = newContact({ dnd: true, accessStatus: "ACTIVE" });
    await publishContact(automation, business, quiet);
    await eventually(
      async () => (await outbox.pool.query(`select 1 from automation.known_contact where contact_id = $1`, [quiet.id])).rowCount,
    );
    await publish(automation, billing.invoicePaid, business, invoicePaid(quiet.id, { amountPaid: 9950 }));
    for (const command of [
      courses.enrolmentRequested,
      communities.memberAddRequested,
      communities.memberRemoveRequested,
      affiliates.affiliateRequested,
    ]) {
      const sent = (await commandsOf(outbox, business, command, 2)).find((row) => row.contactId === quiet.id)!;
      await answer(automation, business, command, sent.source);
    }
    const quietRun = await runReaching(automation, business, workflow.id, "DONE", quiet.id);
    expect(quietRun.steps[4]).toMatchObject({ status: "SKIPPED", reason: "The contact has Do Not Disturb on: the email was not sent" });
  });

  it("runs once when the trigger is delivered twice, and re-runs a failed run from its failed step", async () => {
    const { business, contact } = await businessWithContact();
    const course = randomUUID();
    const workflow = await createWorkflow(automation, business, {
      name: "Completed → next course",
      trigger: "COURSE_COMPLETED",
      actions: [{ type: "MAKE_AFFILIATE" }, { type: "ENROL_IN_COURSE", courseId: course }],
    });
    const completed = {
      courseId: randomUUID(),
      courseTitle: "Basics",
      enrolmentId: randomUUID(),
      contactId: contact.id,
      completedAt: new Date().toISOString(),
      certificateCode: null,
    };
    const eventId = randomUUID();
    await publish(automation, courses.courseCompleted, business, completed, eventId);
    await publish(automation, courses.courseCompleted, business, completed, eventId);
    const [affiliate] = await commandsOf(outbox, business, affiliates.affiliateRequested);
    await answer(automation, business, affiliates.affiliateRequested, affiliate!.source);
    const [enrol] = await commandsOf(outbox, business, courses.enrolmentRequested);
    await answer(automation, business, courses.enrolmentRequested, enrol!.source, "FAILED", "No such course in this business");
    const failed = await runReaching(automation, business, workflow.id, "FAILED");
    expect(failed.reason).toBe("Step 2 failed: No such course in this business");
    expect(await outbox.commands(business.id, affiliates.affiliateRequested.name)).toHaveLength(1);
    expect(await runsOf(automation, business, { workflowId: workflow.id })).toHaveLength(1);
    expect(await runsOf(automation, business, { status: "FAILED" })).toEqual([expect.objectContaining({ id: failed.id })]);
    expect(await runsOf(automation, business, { contactId: contact.id, status: "DONE" })).toEqual([]);

    const other = newBusiness();
    await publishBusiness(automation, other);
    const foreign = await gql(automation, staffOf(other), `mutation($id: ID!) { rerunWorkflowRun(id: $id) { __typename } }`, {
      id: failed.id,
    });
    expect(foreign.data.rerunWorkflowRun.__typename).toBe("NotFoundError");

    const RERUN = `mutation($id: ID!) { rerunWorkflowRun(id: $id) { __typename ... on UserError { message } ... on WorkflowRunSuccess { run { ${RUN_FIELDS} } } } }`;
    const rerun = await gql(automation, staffOf(business), RERUN, { id: failed.id });
    expect(rerun.data.rerunWorkflowRun.run.status).toBe("RUNNING");
    const enrolments = await commandsOf(outbox, business, courses.enrolmentRequested, 2);
    expect(await outbox.commands(business.id, affiliates.affiliateRequested.name)).toHaveLength(1); // the done step is not repeated
    await answer(automation, business, courses.enrolmentRequested, enrolments[1]!.source);
    const done = await runReaching(automation, business, workflow.id, "DONE");
    expect(done.steps.map((step: any) => [step.position, step.attempt, step.status])).toEqual([
      [0, 1, "DONE"],
      [1, 1, "RETRIED"],
      [1, 2, "DONE"],
    ]);
    const again = await gql(automation, staffOf(business), RERUN, { id: failed.id });
    expect(again.data.rerunWorkflowRun).toEqual({ __typename: "WorkflowRunStateError", message: "Only a failed run can be re-run" });
  });

  it("fails a step whose service never answers, and stops a workflow that triggers itself", async () => {
    const { business, contact } = await businessWithContact();
    const group = randomUUID();
    const documentRun = await createWorkflow(automation, business, {
      name: "Signed → affiliate",
      trigger: "DOCUMENT_COMPLETED",
      actions: [{ type: "MAKE_AFFILIATE" }],
    });
    const completed = documentCompleted(business, [{ recipient: newRecipient() }]);
    completed.parties[0]!.contactId = contact.id;
    await publish(automation, documents.documentCompleted, business, completed);
    const failed = await runReaching(automation, business, documentRun.id, "FAILED");
    expect(failed.steps[0].reason).toBe("No answer from affiliates within 8 second(s)");

    // "Added to the group → take them out and add them again": each addition is a new trigger.
    const loop = await createWorkflow(automation, business, {
      name: "Re-add",
      trigger: "ADDED_TO_GROUP",
      conditions: [{ field: "groupId", operator: "EQUALS", value: group }],
      actions: [{ type: "ADD_TO_GROUP", groupId: group }],
    });
    await gql(
      automation,
      staffOf(business),
      `mutation { ${"x"}: setWorkflowEnabled(id: "${(await defaultsOf(business)).find((w) => w.trigger === "ADDED_TO_GROUP").id}", enabled: false) { __typename } }`,
    );
    const added = () =>
      publish(automation, communities.memberAdded, business, {
        groupId: group,
        groupName: "Makers",
        contactId: contact.id,
        portalPath: `/communities/${group}`,
      });
    await added();
    for (let round = 1; round <= 5; round++) {
      const adds = await commandsOf(outbox, business, communities.memberAddRequested, round);
      await answer(automation, business, communities.memberAddRequested, adds[round - 1]!.source);
      await added(); // communities announces the membership again
    }
    const stopped = await runReaching(automation, business, loop.id, "STOPPED");
    expect(stopped.reason).toBe(
      "Stopped: this workflow already ran 5 times for this contact in the last minute, so it seems to trigger itself",
    );
    expect(stopped.steps).toEqual([]);
    expect(await outbox.commands(business.id, communities.memberAddRequested.name)).toHaveLength(5);
  });

  it("an answer after the timeout still completes the step; an order granting nothing skips the grant", async () => {
    const { business, contact } = await businessWithContact();
    const late = await createWorkflow(automation, business, {
      name: "Late",
      trigger: "COURSE_COMPLETED",
      actions: [{ type: "MAKE_AFFILIATE" }],
    });
    await publish(automation, courses.courseCompleted, business, {
      courseId: randomUUID(),
      courseTitle: "Basics",
      enrolmentId: randomUUID(),
      contactId: contact.id,
      completedAt: new Date().toISOString(),
      certificateCode: null,
    });
    const [request] = await commandsOf(outbox, business, affiliates.affiliateRequested);
    expect((await runReaching(automation, business, late.id, "FAILED")).steps[0].reason).toBe(
      "No answer from affiliates within 8 second(s)",
    );
    await answer(automation, business, affiliates.affiliateRequested, request!.source);
    const done = await runReaching(automation, business, late.id, "DONE");
    expect(done.steps).toEqual([expect.objectContaining({ status: "DONE", reason: null })]);

    const order = randomUUID();
    await publish(automation, billing.orderPaid, business, {
      orderId: order,
      offerId: randomUUID(),
      offerName: "Newsletter",
      contactId: contact.id,
      newContact: false,
      currency: "USD",
      amountPaid: 500,
      paidAt: new Date().toISOString(),
      grants: { courseIds: [], groupIds: [] },
      referralCode: null,
      portalPath: `/orders/${order}`,
    });
    const [invite] = await commandsOf(outbox, business, identity.inviteRequested);
    await answer(automation, business, identity.inviteRequested, invite!.source, "SKIPPED", "Already has portal access");
    const orderWorkflow = (await defaultsOf(business)).find((workflow) => workflow.trigger === "ORDER_PAID");
    const granted = await runReaching(automation, business, orderWorkflow.id, "DONE");
    expect(granted.steps.map((step: any) => [step.actionType, step.status, step.reason])).toEqual([
      ["INVITE_TO_PORTAL", "SKIPPED", "Already has portal access"],
      ["GRANT_OFFER_ACCESS", "SKIPPED", "The order grants no course or group"],
    ]);
  });

  it("keeps workflows and runs to their business, checks the input by field, and lets API keys act by their scopes", async () => {
    const { business } = await businessWithContact();
    const other = newBusiness();
    await publishBusiness(automation, other);
    const mine = await createWorkflow(automation, business, {
      name: "Mine",
      trigger: "CONTACT_CREATED",
      actions: [{ type: "INVITE_TO_PORTAL" }],
    });
    const theirs = await defaultsOf(other);
    expect(theirs.map((workflow) => workflow.id)).not.toContain(mine.id);
    const asOther = staffOf(other);
    expect((await gql(automation, asOther, `query($id: ID!) { workflow(id: $id) { id } }`, { id: mine.id })).data.workflow).toBeNull();
    for (const mutation of [
      `mutation($id: ID!) { updateWorkflow(id: $id, input: { name: "X", trigger: CONTACT_CREATED, conditions: [], actions: [{ type: INVITE_TO_PORTAL }] }) { __typename } }`,
      `mutation($id: ID!) { setWorkflowEnabled(id: $id, enabled: false) { __typename } }`,
      `mutation($id: ID!) { deleteWorkflow(id: $id) { __typename } }`,
    ]) {
      const response = await gql(automation, asOther, mutation, { id: mine.id });
      expect(Object.values(response.data)[0]).toEqual({ __typename: "NotFoundError" });
    }
    expect(
      (await gql(automation, staffOf(business), `query($id: ID!) { workflow(id: $id) { name enabled } }`, { id: mine.id })).data.workflow,
    ).toEqual({
      name: "Mine",
      enabled: true,
    });

    const invalid = async (input: Record<string, unknown>) =>
      (await gql(automation, staffOf(business), CREATE, { input: { name: "W", conditions: [], ...input } })).data.createWorkflow;
    expect(
      await invalid({
        trigger: "INVOICE_SENT",
        conditions: [{ field: "offerId", operator: "EQUALS", value: "x" }],
        actions: [{ type: "INVITE_TO_PORTAL" }],
      }),
    ).toMatchObject({
      __typename: "ValidationError",
      field: "conditions.0.field",
    });
    expect(
      await invalid({
        trigger: "INVOICE_SENT",
        conditions: [{ field: "total", operator: "GREATER_THAN", value: "lots" }],
        actions: [{ type: "INVITE_TO_PORTAL" }],
      }),
    ).toMatchObject({
      field: "conditions.0.value",
    });
    expect(await invalid({ trigger: "INVOICE_SENT", actions: [{ type: "GRANT_OFFER_ACCESS" }] })).toMatchObject({
      field: "actions.0.type",
    });
    expect(await invalid({ trigger: "INVOICE_SENT", actions: [{ type: "INVITE_TO_PORTAL" }, { type: "ENROL_IN_COURSE" }] })).toMatchObject({
      field: "actions.1.courseId",
    });
    expect(
      await invalid({ trigger: "INVOICE_SENT", actions: [{ type: "SEND_EMAIL", subject: "Hi", body: "{{trigger.offerName}}" }] }),
    ).toMatchObject({
      field: "actions.0.body",
      message: "Unknown placeholder {{trigger.offerName}} for this trigger",
    });
    expect(await invalid({ trigger: "INVOICE_SENT", actions: [{ type: "WAIT", amount: 0, unit: "DAYS" }] })).toMatchObject({
      field: "actions.0.amount",
    });
    expect(await invalid({ trigger: "INVOICE_SENT", actions: [] })).toMatchObject({ field: "actions" });
    expect(await invalid({ name: " ", trigger: "INVOICE_SENT", actions: [{ type: "INVITE_TO_PORTAL" }] })).toMatchObject({ field: "name" });

    // Relay pages: eight workflows (seven defaults and Mine) in pages of five.
    const PAGE = `query($after: String) { workflows(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const first = (await gql(automation, staffOf(business), PAGE)).data.workflows;
    const second = (await gql(automation, staffOf(business), PAGE, { after: first.pageInfo.endCursor })).data.workflows;
    expect([first.totalCount, first.edges.length, first.pageInfo.hasNextPage, second.edges.length, second.pageInfo.hasNextPage]).toEqual([
      8,
      5,
      true,
      3,
      false,
    ]);
    const ids = [...first.edges, ...second.edges].map((edge: any) => edge.node.id);
    expect(new Set(ids).size).toBe(8);
    expect(ids).toContain(mine.id);

    const reader = apiKeyIn(business.id, ["read"]);
    expect((await gql(automation, reader, `{ workflows(first: 1) { totalCount } }`)).data.workflows.totalCount).toBe(8);
    const refused = await gql(automation, reader, `mutation($id: ID!) { deleteWorkflow(id: $id) { __typename } }`, { id: mine.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const client = await gql(
      automation,
      { ...staffOf(business), actor: { kind: "contact", id: randomUUID() } } as never,
      `{ workflowRuns(first: 1) { totalCount } }`,
    );
    expect(client.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
