import "reflect-metadata";
import { appointments } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cancelled, confirmed, newBooking } from "./appointment-helpers.js";
import { createScratchDatabase, eventually, gql, newBusiness, publish, staffOf, startAutomation, type TestBusiness } from "./helpers.js";
import { publishBusiness } from "./invoice-helpers.js";

const TEMPLATE = `query One($key: NotificationTemplateKey!) { notificationTemplate(key: $key) { key subject body placeholders isCustom } }`;
const UPDATE = `mutation Update($input: NotificationTemplateInput!) {
  updateNotificationTemplate(input: $input) {
    __typename
    ... on NotificationTemplateSuccess { template { key subject isCustom } }
    ... on ValidationError { field message }
  }
}`;
const PREVIEW = `query Preview($input: NotificationTemplateInput!) { previewNotificationTemplate(input: $input) { subject html text } }`;
const MAILBOX = `query Mailbox($to: String) { devMailbox(first: 5, to: $to) { edges { node { subject text attachments { name } } } } }`;

interface Mail {
  subject: string;
  text: string;
  attachments: { name: string }[];
}

const APPOINTMENT_KEYS = ["APPOINTMENT_CONFIRMED", "APPOINTMENT_RESCHEDULED", "APPOINTMENT_CANCELLED", "APPOINTMENT_REMINDER"];

describe("appointment email templates", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
  });
  afterAll(async () => {
    await automation?.stop();
    await database?.drop();
  });

  const call = async (business: TestBusiness, query: string, variables: Record<string, unknown>) => {
    const response = await gql(automation, staffOf(business), query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };

  it("offers each appointment email its own placeholders, and rejects ones it has no value for", async () => {
    const business = newBusiness();
    for (const key of APPOINTMENT_KEYS) {
      const template = (await call(business, TEMPLATE, { key })).notificationTemplate;
      expect(template.isCustom).toBe(false);
      expect(template.body).toContain("{{link}}");
      expect(template.placeholders).toEqual(
        expect.arrayContaining(["{{appointment.type}}", "{{appointment.with}}", "{{appointment.when}}", "{{appointment.location}}"]),
      );
    }
    const placeholdersOf = async (key: string) => (await call(business, TEMPLATE, { key })).notificationTemplate.placeholders as string[];
    expect(await placeholdersOf("APPOINTMENT_RESCHEDULED")).toEqual(expect.arrayContaining(["{{appointment.previousWhen}}"]));
    expect(await placeholdersOf("APPOINTMENT_CANCELLED")).toEqual(expect.arrayContaining(["{{appointment.cancelReason}}"]));
    expect(await placeholdersOf("APPOINTMENT_REMINDER")).toEqual(expect.arrayContaining(["{{appointment.startsIn}}"]));
    expect(await placeholdersOf("APPOINTMENT_CONFIRMED")).not.toContain("{{appointment.cancelReason}}");

    const wrong = await call(business, UPDATE, {
      input: { key: "APPOINTMENT_CONFIRMED", subject: "Cancelled because {{appointment.cancelReason}}", body: "{{link}}" },
    });
    expect(wrong.updateNotificationTemplate).toMatchObject({
      __typename: "ValidationError",
      field: "subject",
      message: expect.stringContaining("Unknown placeholder {{appointment.cancelReason}}"),
    });
    const course = await call(business, UPDATE, {
      input: { key: "COURSE_ACCESS_GRANTED", subject: "{{appointment.when}}", body: "{{link}}" },
    });
    expect(course.updateNotificationTemplate).toMatchObject({ __typename: "ValidationError", field: "subject" });
  });

  it("previews with a sample appointment in the business's branding", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const input = {
      key: "APPOINTMENT_REMINDER",
      subject: "See you {{appointment.startsIn}}, {{contact.firstName}}",
      body: "{{appointment.type}} with {{host.name}}\n{{appointment.when}}\n{{appointment.location}}\n\n{{link}}",
    };
    const preview = await eventually(async () => {
      const found = (await call(business, PREVIEW, { input })).previewNotificationTemplate;
      return found.html.includes(business.primaryColor) && found;
    });
    expect(preview.subject).toBe("See you in 24 hours, Alex");
    expect(preview.text).toContain("Initial consultation with Jordan Lee\nTuesday 8 December 2026, 14:00–14:30 (Europe/Paris)");
    expect(preview.html).toContain('href="https://meet.example.com/initial-consultation"');
    expect(preview.html).toContain("View appointment");
    for (const key of APPOINTMENT_KEYS) {
      const template = (await call(business, TEMPLATE, { key })).notificationTemplate;
      const rendered = (await call(business, PREVIEW, { input: { key, subject: template.subject, body: template.body } }))
        .previewNotificationTemplate;
      expect(rendered.subject).toContain("Initial consultation with Jordan Lee");
      expect(rendered.text).not.toContain("{{");
    }
  });

  it("sends appointment emails in the business's saved wording, to the client and the host alike", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    await call(business, UPDATE, {
      input: {
        key: "APPOINTMENT_CONFIRMED",
        subject: "{{appointment.type}} booked, {{contact.firstName}}",
        body: "{{client.name}} meets {{host.name}} on {{appointment.when}}.\n\n{{link}}",
      },
    });
    await call(business, UPDATE, {
      input: { key: "APPOINTMENT_CANCELLED", subject: "Off: {{appointment.type}}", body: "Why: {{appointment.cancelReason}}\n\n{{link}}" },
    });
    const booking = newBooking(business);
    await publish(automation, appointments.bookingConfirmed, business, confirmed(booking));
    await publish(automation, appointments.bookingCancelled, business, cancelled(booking, { reason: "Double-booked" }));

    const mailTo = (to: string) =>
      eventually(
        async () => {
          const edges = (await call(business, MAILBOX, { to })).devMailbox.edges;
          return edges.length === 2 && edges.map((edge: { node: Mail }) => edge.node);
        },
        20_000,
        `both emails to ${to}`,
      );
    const client = await mailTo(booking.client.email);
    const host = await mailTo(booking.host.email);
    const bySubject = (mails: Mail[], start: string) => mails.find((mail) => mail.subject.startsWith(start))!;
    expect(bySubject(client, "Initial consultation booked").subject).toBe("Initial consultation booked, Ada");
    expect(bySubject(client, "Initial consultation booked").text).toContain(
      "Ada Lovelace meets Jordan Lee on Tuesday 8 December 2026, 14:00–14:30 (Europe/Paris).",
    );
    expect(bySubject(host, "Initial consultation booked").subject).toBe("Initial consultation booked, Jordan");
    expect(bySubject(host, "Initial consultation booked").text).toContain(
      "Ada Lovelace meets Jordan Lee on Tuesday 8 December 2026, 08:00–08:30 (America/New_York).",
    );
    expect(bySubject(client, "Off:").text).toContain("Why: Double-booked");
    expect(bySubject(client, "Off:").attachments).toEqual([{ name: "appointment.ics" }]);
  });
});
