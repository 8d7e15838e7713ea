import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { courses } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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
} from "./helpers.js";
import { publishBusiness } from "./invoice-helpers.js";

const MAILBOX = `query Mailbox($to: String) { devMailbox(first: 20, to: $to) { edges { node { subject text html } } } }`;

describe("course emails (dev mailbox)", () => {
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

  it("sends COURSE_ACCESS_GRANTED and NEW_LESSON_AVAILABLE with their links, and suppresses them for DND contacts", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const ada = newRecipient();
    const dana = newRecipient({ email: `dana-${randomUUID().slice(0, 6)}@client.test`, name: "Dana Scully", firstName: "Dana", dnd: true });
    const courseId = randomUUID();
    const lessonId = randomUUID();
    for (const recipient of [ada, dana]) {
      const enrolmentId = randomUUID();
      await publish(automation, courses.accessGranted, business, {
        courseId,
        courseTitle: "Pottery at home",
        enrolmentId,
        contactId: randomUUID(),
        recipient,
        link: `${business.portalUrl}/courses/${courseId}`,
        reference: `course_enrolment:${enrolmentId}`,
      });
      await publish(automation, courses.lessonUnlocked, business, {
        courseId,
        courseTitle: "Pottery at home",
        lessonId,
        lessonTitle: "Glazes",
        contactId: randomUUID(),
        unlockedAt: new Date().toISOString(),
        recipient,
        link: `${business.portalUrl}/courses/${courseId}/lessons/${lessonId}`,
        reference: `course_lesson:${lessonId}`,
      });
    }
    const mails = await eventually(
      async () => {
        const response = await gql(automation, staffOf(business), MAILBOX, { to: ada.email });
        const edges = response.data?.devMailbox.edges ?? [];
        return edges.length >= 2 && edges.map((edge: any) => edge.node);
      },
      20_000,
      "Ada's two emails",
    );
    const welcome = mails.find((mail: any) => mail.subject === "You now have access to “Pottery at home”");
    const lesson = mails.find((mail: any) => mail.subject === "New lesson available: Glazes");
    expect(welcome.text).toContain(`${business.portalUrl}/courses/${courseId}`);
    expect(welcome.html).toContain("Start the course");
    expect(lesson.text).toContain(`${business.portalUrl}/courses/${courseId}/lessons/${lessonId}`);
    const log = await eventually(
      async () => {
        const rows = await logEntriesFor(automation, business, dana.email);
        return rows.length >= 2 && rows;
      },
      20_000,
      "Dana's log",
    );
    expect(log.map((row: any) => [row.template, row.status]).sort()).toEqual([
      ["COURSE_ACCESS_GRANTED", "SUPPRESSED"],
      ["NEW_LESSON_AVAILABLE", "SUPPRESSED"],
    ]);
  });
});
