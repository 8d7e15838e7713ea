import { ALL_EVENTS, type EventContract } from "@portal/contracts";
import { forkFor, sql } from "@portal/kit";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PortalClient } from "./support/http-client.js";
import { createBusiness, createInvoice, requestSignIn, signedInContact } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

/*
 * Every event a producer really writes matches its contract in @portal/contracts. The producers run
 * their own code paths, driven through the gateway as people would use the portal; then every row
 * they wrote to their outbox for this business is parsed against the contract of its type. A producer
 * that renames, drops or retypes a field fails here, before any consumer meets the event.
 */

const PRODUCERS = ["identity", "billing", "documents", "communities", "courses", "appointments", "affiliates", "automation"] as const;

/**
 * Contracts declared for other sections' workflows, which will publish them; their consumers are
 * tested with `deliverEvent` (communities: subgraphs/communities/tests/events.test.ts; courses:
 * subgraphs/courses/tests/events.test.ts).
 */
const AWAITING_PRODUCER = new Set<string>([]);
const PRODUCED = ALL_EVENTS.filter((contract) => !AWAITING_PRODUCER.has(contract.name));

interface OutboxRow {
  type: string;
  payload: unknown;
}

const INVOICE = `__typename ... on InvoiceSuccess { invoice { id status } } ... on UserError { message }`;
const DOCUMENT = `__typename ... on DocumentSuccess { document { id status recipients { id } } } ... on UserError { message }`;

async function onePagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595.28, 841.89]).drawText("Consulting agreement", { x: 50, y: 780, size: 16, font });
  return pdf.save();
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("event contracts", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  /** What each producer wrote for the business, by producer. */
  async function outboxOf(businessId: string): Promise<Map<string, OutboxRow[]>> {
    const em = forkFor(platform.identity.orm, null);
    const rows = new Map<string, OutboxRow[]>();
    for (const producer of PRODUCERS)
      rows.set(
        producer,
        await sql<OutboxRow>(em, `select type, payload from "${producer}"."outbox_event" where business_id = ?`, [businessId]),
      );
    return rows;
  }

  /** A document for `signer`, sent: documents learns of the contact from identity's events, so retry until it knows them. */
  async function sentDocument(staff: PortalClient, signerId: string, title: string): Promise<string> {
    const created = await staff.data(`mutation($input: DocumentInput!) { createDocument(input: $input) { ${DOCUMENT} } }`, {
      input: { title },
    });
    const id = created.createDocument.document.id;
    expect((await staff.uploadPdf(`/files/documents/documents/${id}/original.pdf`, await onePagePdf(), "agreement.pdf")).status).toBe(200);
    const withRecipient = await until(
      () =>
        staff.data(
          `mutation($id: ID!, $r: [DocumentRecipientInput!]!) { setDocumentRecipients(documentId: $id, recipients: $r) { ${DOCUMENT} } }`,
          { id, r: [{ contactId: signerId, role: "SIGNER", order: 1 }] },
        ),
      (data) => data.setDocumentRecipients.__typename === "DocumentSuccess",
      "documents to know the contact",
    );
    const [recipient] = withRecipient.setDocumentRecipients.document.recipients;
    const field = { recipientId: recipient.id, kind: "SIGNATURE", page: 1, x: 0.1, y: 0.5, width: 0.3, height: 0.06 };
    await staff.data(`mutation($id: ID!, $f: [DocumentFieldInput!]!) { setDocumentFields(documentId: $id, fields: $f) { ${DOCUMENT} } }`, {
      id,
      f: [field],
    });
    const sent = await until(
      () => staff.data(`mutation($id: ID!) { sendDocument(id: $id) { ${DOCUMENT} } }`, { id }),
      (data) => data.sendDocument.__typename === "DocumentSuccess",
      "the document to be sent",
    );
    expect(sent.sendDocument.document.status).toBe("SENT");
    return id;
  }

  it("every event each producer writes parses against its contract, and every contract has a producer that wrote it", async () => {
    // identity: a business and its owner, a contact invited who signs in, asks for a link, changes address.
    const business = await createBusiness(platform, "Contract Studio");
    const staff = business.staff;
    const { id: contactId, email, client } = await signedInContact(platform, business, "Ada Lovelace");
    expect((await requestSignIn(platform.client(business.host), email, "CLIENT")).requestSignIn.__typename).toBe("RequestSignInSuccess");
    const change = await client.data(`mutation($input: EmailChangeInput!) { requestEmailChange(input: $input) { __typename } }`, {
      input: { newEmail: `ada.lovelace@${business.slug}.test` },
    });
    expect(change.requestEmailChange.__typename).toBe("EmailChangeRequested");

    // appointments: the owner's hours and a five-minute type; the client books one appointment whose
    // reminder falls due a few seconds ahead (confirmed, then reminder due, by the reminder job), and
    // books, reschedules and cancels another (rescheduled, cancelled).
    const ownerId = (await staff.data(`{ viewer { staff { id } } }`)).viewer.staff.id;
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: "00:00", end: "24:00" }] }));
    await until(
      () =>
        staff.data(
          `mutation($s: ID!, $w: [WeeklyHoursInput!]!) { setWeeklyAvailability(staffId: $s, timeZone: "UTC", weekly: $w) { __typename } }`,
          { s: ownerId, w: allWeek },
        ),
      (data) => data.setWeeklyAvailability.__typename === "StaffAvailabilitySuccess",
      "appointments to know the owner",
    );
    const fiveMinutes = 5 * 60_000;
    const createType = async (name: string, reminderMinutesBefore: number[]) =>
      (
        await staff.data(
          `mutation($input: AppointmentTypeInput!) { createAppointmentType(input: $input) { __typename ... on AppointmentTypeSuccess { appointmentType { id } } } }`,
          {
            input: {
              name,
              durationMinutes: 5,
              location: { kind: "PHONE", value: "+1 555 0100" },
              hostStaffIds: [ownerId],
              minimumNoticeMinutes: 0,
              changeNoticeMinutes: 0,
              reminderMinutesBefore,
            },
          },
        )
      ).createAppointmentType.appointmentType.id as string;
    const bookAt = (typeId: string, startsAt: number) =>
      until(
        () =>
          client.data(
            `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename ... on AppointmentSuccess { appointment { id } } ... on UserError { message } } }`,
            { input: { typeId, startsAt: new Date(startsAt).toISOString(), clientTimeZone: "Europe/Paris" } },
          ),
        (data) => data.bookAppointment.__typename === "AppointmentSuccess",
        "appointments to know the contact",
      );
    // Booked tomorrow (once appointments knows the client, which may take a while), moved, cancelled.
    const tomorrow = Math.ceil((Date.now() + 86_400_000) / fiveMinutes) * fiveMinutes;
    const moving = (await bookAt(await createType("Planning", []), tomorrow)).bookAppointment.appointment.id;
    const moved = await client.data(
      `mutation($id: ID!, $at: DateTimeISO!) { rescheduleAppointment(id: $id, startsAt: $at) { __typename } }`,
      { id: moving, at: new Date(tomorrow + 3_600_000).toISOString() },
    );
    expect(moved.rescheduleAppointment.__typename).toBe("AppointmentSuccess");
    const cancelled = await client.data(`mutation($id: ID!) { cancelAppointment(id: $id, reason: "Travelling") { __typename } }`, {
      id: moving,
    });
    expect(cancelled.cancelAppointment.__typename).toBe("AppointmentSuccess");
    // Then one whose reminder falls due soon: slots of a five-minute type start every five minutes;
    // the first at least 90 s ahead, its reminder 15–75 s ahead (set now that booking is immediate).
    const remindedAt = Math.ceil((Date.now() + 90_000) / fiveMinutes) * fiveMinutes;
    const minutesBefore = Math.floor((remindedAt - Date.now() - 15_000) / 60_000);
    await bookAt(await createType("Check-in", [minutesBefore]), remindedAt);
    const reminderDueAt = remindedAt - minutesBefore * 60_000;

    // billing: an invoice sent, paid and partly refunded; another sent and voided.
    const invoiceInput = {
      contactId,
      currency: "USD",
      lines: [{ description: "Coaching session", quantity: 1, unitPrice: 5000 }],
      issueDate: "2026-11-01",
      dueDate: "2099-12-01",
    };
    const paid = await createInvoice(staff, invoiceInput);
    expect((await staff.data(`mutation($id: ID!) { sendInvoice(id: $id) { ${INVOICE} } }`, { id: paid.id })).sendInvoice.__typename).toBe(
      "InvoiceSuccess",
    );
    const payment = await client.data(`mutation($id: ID!) { payInvoiceWithTestPayment(invoiceId: $id) { ${INVOICE} } }`, { id: paid.id });
    expect(payment.payInvoiceWithTestPayment.invoice.status).toBe("PAID");
    const refund = await staff.data(`mutation($input: RefundInput!) { refundInvoice(input: $input) { ${INVOICE} } }`, {
      input: { invoiceId: paid.id, amount: 1000, reason: "Goodwill" },
    });
    expect(refund.refundInvoice.__typename).toBe("InvoiceSuccess");
    const voided = await createInvoice(staff, invoiceInput);
    await staff.data(`mutation($id: ID!) { sendInvoice(id: $id) { ${INVOICE} } }`, { id: voided.id });
    expect((await staff.data(`mutation($id: ID!) { voidInvoice(id: $id) { ${INVOICE} } }`, { id: voided.id })).voidInvoice.__typename).toBe(
      "InvoiceSuccess",
    );

    // affiliates: the programme on, Ada an affiliate (joined) with the campaign link "spring" the order
    // below arrives through (its buyer is Ada's referral: referral created, and a commission).
    const AFFILIATE_RESULT = `__typename ... on UserError { message } ... on AffiliateSuccess { affiliate { id } }`;
    await staff.data(`mutation($input: AffiliateProgrammeInput!) { updateAffiliateProgramme(input: $input) { __typename } }`, {
      input: { enabled: true, minimumPayout: 100, allowedLandingUrls: ["https://shop.example.test/"] },
    });
    const madeAffiliate = await until(
      () =>
        staff.data(`mutation($c: ID!) { makeAffiliate(contactId: $c, inviteToPortal: false) { ${AFFILIATE_RESULT} } }`, { c: contactId }),
      (data) => data.makeAffiliate.__typename === "AffiliateSuccess",
      "affiliates to know the contact",
    );
    const affiliateId = madeAffiliate.makeAffiliate.affiliate.id;
    const campaign = await staff.data(
      `mutation($input: CreateReferralLinkInput!) { createReferralLink(input: $input) { __typename ... on UserError { message } } }`,
      { input: { affiliateId, slug: "spring", landingUrl: "https://shop.example.test/spring" } },
    );
    expect(campaign.createReferralLink.__typename).toBe("ReferralLinkSuccess");

    // order forms: a visitor buys an offer with the demo's test payment (payment received), identity
    // creates the buyer's contact with the referral code (referred, buyer resolved), billing announces the order paid.
    const offer = await staff.data(
      `mutation($input: OfferInput!) { createOffer(input: $input) { __typename ... on OfferSuccess { offer { slug } } } }`,
      { input: { name: "Starter pack", price: 9900, currency: "USD", slug: "starter-pack" } },
    );
    const visitor = platform.client(business.host);
    const order = await visitor.data(
      `mutation($input: StartOrderInput!) { startOrder(input: $input) { __typename ... on OrderStarted { orderId orderToken } } }`,
      { input: { slug: offer.createOffer.offer.slug, name: "Grace Buyer", email: `grace@${business.slug}.test`, referralCode: "spring" } },
    );
    const { orderId, orderToken } = order.startOrder;
    const orderPayment = await visitor.data(
      `mutation($id: ID!, $token: String!) { payOrderWithTestPayment(orderId: $id, orderToken: $token) { __typename } }`,
      { id: orderId, token: orderToken },
    );
    expect(orderPayment.payOrderWithTestPayment.__typename).toBe("PublicOrderStatus");

    // affiliates again: the order's commission approved early (commission approved), then paid out (payout sent).
    const commission = await until(
      () =>
        staff.data(`query($a: ID) { affiliateCommissions(affiliateId: $a, first: 5) { edges { node { id currency } } } }`, {
          a: affiliateId,
        }),
      (data) => data.affiliateCommissions.edges.length > 0,
      "the order's commission",
    );
    const { id: commissionId, currency: commissionCurrency } = commission.affiliateCommissions.edges[0].node;
    const approved = await staff.data(`mutation($id: ID!) { approveCommission(commissionId: $id) { __typename } }`, { id: commissionId });
    expect(approved.approveCommission.__typename).toBe("CommissionSuccess");
    const payout = await staff.data(
      `mutation($a: ID!, $c: String!) { recordAffiliatePayout(affiliateId: $a, currency: $c, reference: "TRF-42") { __typename } }`,
      { a: affiliateId, c: commissionCurrency },
    );
    expect(payout.recordAffiliatePayout.__typename).toBe("AffiliatePayoutSuccess");

    // documents: one signed to completion, one declined; automation mails them and reports how each email ended.
    const signed = await sentDocument(staff, contactId, "Consulting agreement");
    const signing = await client.data(`mutation($input: SignDocumentInput!) { signDocument(input: $input) { ${DOCUMENT} } }`, {
      input: { documentId: signed, consentVersion: "2026-01", consentAccepted: true, signature: { method: "TYPED", typedName: "Ada" } },
    });
    expect(signing.signDocument.document.status).toBe("COMPLETED");
    const declined = await sentDocument(staff, contactId, "Second agreement");
    const declining = await client.data(`mutation($input: DeclineDocumentInput!) { declineDocument(input: $input) { ${DOCUMENT} } }`, {
      input: { documentId: declined, reason: "The start date should be May 1." },
    });
    expect(declining.declineDocument.document.status).toBe("DECLINED");

    // communities: the contact added to a group (member.added), a reply to their post notifies them.
    const group = await staff.data(
      `mutation { createCommunityGroup(input: { name: "Clients" }) { __typename ... on CommunityGroupSuccess { group { id } } } }`,
    );
    const groupId = group.createCommunityGroup.group.id;
    await until(
      () =>
        staff.data(`mutation($g: ID!, $c: ID!) { addCommunityMembers(groupId: $g, contactIds: [$c]) { __typename } }`, {
          g: groupId,
          c: contactId,
        }),
      (data) => data.addCommunityMembers.__typename === "CommunityMembersSuccess",
      "communities to know the contact",
    );
    const post = await client.data(
      `mutation($g: ID!) { createCommunityPost(input: { groupId: $g, body: "Hello" }) { __typename ... on CommunityPostSuccess { post { id } } } }`,
      { g: groupId },
    );
    const reply = await staff.data(`mutation($p: ID!) { createCommunityComment(input: { postId: $p, body: "Welcome!" }) { __typename } }`, {
      p: post.createCommunityPost.post.id,
    });
    expect(reply.createCommunityComment.__typename).toBe("CommunityCommentSuccess");

    // courses: the contact enrolled (access granted), a lesson dripped a few seconds ahead opens
    // (lesson unlocked, by the drip job), and completing both lessons completes the course.
    const courseOf = `__typename ... on UserError { message } ... on CourseSuccess { course { id } }`;
    const created = await staff.data(
      `mutation { createCourse(input: { title: "Contracts 101", certificateEnabled: true }) { ${courseOf} } }`,
    );
    const courseId = created.createCourse.course.id;
    const lessonIds: string[] = [];
    for (const [title, drip] of [
      ["Basics", null],
      ["Later", { kind: "ON_DATE", date: new Date(Date.now() + 4000).toISOString() }],
    ] as const) {
      const module = await staff.data(
        `mutation($c: ID!, $input: CourseModuleInput!) { createCourseModule(courseId: $c, input: $input) { __typename ... on CourseModuleSuccess { module { id } } } }`,
        { c: courseId, input: { title, drip } },
      );
      const lesson = await staff.data(
        `mutation($m: ID!) { createCourseLesson(moduleId: $m, input: { title: "Read", kind: TEXT, body: "Text" }) { __typename ... on CourseLessonSuccess { lesson { id } } } }`,
        { m: module.createCourseModule.module.id },
      );
      lessonIds.push(lesson.createCourseLesson.lesson.id);
    }
    await staff.data(`mutation($id: ID!) { publishCourse(id: $id) { __typename } }`, { id: courseId });
    // automation's workflows: completing the course runs every command a workflow sends (the owners answer each).
    const workflow = await staff.data(
      `mutation($input: WorkflowInput!) { createWorkflow(input: $input) { __typename ... on UserError { message } } }`,
      {
        input: {
          name: "Completed",
          trigger: "COURSE_COMPLETED",
          conditions: [],
          actions: [
            { type: "REMOVE_FROM_GROUP", groupId },
            { type: "ADD_TO_GROUP", groupId },
            { type: "ENROL_IN_COURSE", courseId },
            { type: "INVITE_TO_PORTAL" },
            { type: "MAKE_AFFILIATE" },
          ],
        },
      },
    );
    expect(workflow.createWorkflow.__typename).toBe("WorkflowSuccess");
    await until(
      () =>
        staff.data(`mutation($c: ID!, $p: ID!) { enrolInCourse(courseId: $c, contactIds: [$p], inviteToPortal: false) { __typename } }`, {
          c: courseId,
          p: contactId,
        }),
      (data) => data.enrolInCourse.__typename === "EnrolInCourseSuccess",
      "courses to know the contact",
    );
    for (const lessonId of lessonIds)
      await until(
        () => client.data(`mutation($l: ID!) { openCourseLesson(lessonId: $l) { __typename } }`, { l: lessonId }),
        (data) => data.openCourseLesson.__typename === "CourseProgressSuccess",
        "the dripped lesson to open",
      );

    // identity again: staff remove the contact's access.
    const revoked = await staff.data(`mutation($id: ID!) { revokeAccess(contactId: $id) { __typename } }`, { id: contactId });
    expect(revoked.revokeAccess.__typename).toBe("RevokeAccessSuccess");

    // Every contract was written by its producer (some by queued jobs and consumers: wait for them) ...
    const written = (outbox: Map<string, OutboxRow[]>) => new Set([...outbox.values()].flat().map((row) => row.type));
    const outbox = await until(
      () => outboxOf(business.id),
      (rows) => PRODUCED.every((contract) => written(rows).has(contract.name)),
      "every contract to be written",
      // The reminder is written only once it falls due, which may be after the rest of the flow.
      Math.max(45_000, reminderDueAt - Date.now() + 30_000),
    ).catch(async (error) => {
      const seen = written(await outboxOf(business.id));
      const missing = PRODUCED.filter((contract) => !seen.has(contract.name)).map((contract) => contract.name);
      throw new Error(`No producer wrote ${missing.join(", ")} (a contract without a producer, or this flow lacks it): ${error}`);
    });

    // ... and every row any producer wrote parses against the contract of its type, written by that contract's producer.
    const contracts = new Map<string, EventContract>(ALL_EVENTS.map((contract) => [contract.name, contract]));
    const problems: string[] = [];
    for (const [producer, rows] of outbox)
      for (const row of rows) {
        const contract = contracts.get(row.type);
        if (!contract) problems.push(`${producer} wrote ${row.type}, which has no contract`);
        else if (contract.producer !== producer)
          problems.push(`${producer} wrote ${row.type}, which only ${contract.producer} may publish`);
        else {
          const parsed = contract.payload.safeParse(row.payload);
          if (!parsed.success)
            problems.push(
              `${row.type} does not match its contract: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
            );
        }
      }
    expect(problems).toEqual([]);
  }, 240_000);
});
