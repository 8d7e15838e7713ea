import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserPlatform } from "../support/browser.js";
import { seriousViolations } from "../support/axe.js";
import { onOrigin, staffSignIn } from "../support/browser-journeys.js";
import type { PortalClient } from "../support/http-client.js";
import { createBusiness, createContact, invite, linkFromMailbox, type TestBusiness } from "../support/journeys.js";

const RESULT = `__typename ... on UserError { message } ... on ValidationError { field }`;
const PHONE = { width: 375, height: 812 };
/** The client's browser is in New York: the portal shows times there and names the zone. */
const CLIENT_ZONE = "America/New_York";
const HOUR = 3_600_000;

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A staff mutation's result, retried while appointments has not yet learnt of a new staff member or contact. */
async function staffResult(staff: PortalClient, query: string, variables: Record<string, unknown>, field: string, success: string) {
  // biome-ignore lint/suspicious/noExplicitAny: each caller reads its own result's fields
  let result: any;
  await expect
    .poll(
      async () => {
        result = (await staff.data(query, variables))[field];
        return result.__typename;
      },
      { timeout: 15_000 },
    )
    .toBe(success);
  return result;
}

/** The owner's availability (every day, all day, UTC: free times whenever the test runs) and a bookable 30-minute type. */
async function bookableType(business: TestBusiness) {
  const staff = business.staff;
  const ownerId = (await staff.data(`{ viewer { staff { id } } }`)).viewer.staff.id as string;
  await staffResult(
    staff,
    `mutation($staffId: ID!, $weekly: [WeeklyHoursInput!]!) { setWeeklyAvailability(staffId: $staffId, timeZone: "UTC", weekly: $weekly) { ${RESULT} } }`,
    { staffId: ownerId, weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: "00:00", end: "24:00" }] })) },
    "setWeeklyAvailability",
    "StaffAvailabilitySuccess",
  );
  const created = await staffResult(
    staff,
    `mutation($input: AppointmentTypeInput!) { createAppointmentType(input: $input) { ${RESULT} ... on AppointmentTypeSuccess { appointmentType { id } } } }`,
    {
      input: {
        name: "Consultation",
        description: "Half an hour to plan your next steps.",
        durationMinutes: 30,
        location: { kind: "VIDEO", value: "https://meet.example.test/calm-clinic" },
        hostStaffIds: [ownerId],
        minimumNoticeMinutes: 60,
        bookingWindowDays: 60,
        changeNoticeMinutes: 1440,
        clientBookable: true,
      },
    },
    "createAppointmentType",
    "AppointmentTypeSuccess",
  );
  return { ownerId, typeId: created.appointmentType.id as string };
}

/** The client signs in from their invitation in a browser set to their time zone. */
async function clientSignIn(browser: Browser, origin: string, business: TestBusiness, email: string, since: number): Promise<Page> {
  const context = await browser.newContext({ timezoneId: CLIENT_ZONE, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(onOrigin(origin, await linkFromMailbox(business.staff, email, since)));
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

/** Shows the month of `day` in the slot picker, then that day's free times. */
async function chooseDay(page: Page, day: string) {
  const picker = page.getByTestId("slot-picker");
  const month = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", year: "numeric" }).format(new Date(`${day}T12:00:00Z`));
  await picker.locator("caption").waitFor();
  while ((await picker.locator("caption").textContent()) !== month) {
    await picker.getByRole("button", { name: "Next month" }).click();
  }
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(
    new Date(`${day}T12:00:00Z`),
  );
  await picker.getByRole("button", { name: new RegExp(`^${weekday}, \\d{4}: \\d+ free times?$`) }).click();
  const group = picker.getByRole("group", { name: new RegExp(`^Free times on ${weekday}`) });
  await group.waitFor();
  return group;
}

describe("appointments in the browser", () => {
  const env = useBrowserPlatform();

  it("a client books a free time, sees it in Upcoming, reschedules and cancels it inside the rules, and is refused inside the notice period", async () => {
    const business = await createBusiness(env.platform, "Calm Clinic");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const { typeId } = await bookableType(business);
    const adaEmail = `ada@${business.slug}.test`;
    const adaId = await createContact(business.staff, { name: "Ada Lovelace", email: adaEmail });
    const bobId = await createContact(business.staff, { name: "Bob Byrne", email: `bob@${business.slug}.test` });
    const since = Date.now() - 1000;
    await invite(business.staff, adaId);
    const page = await clientSignIn(env.browser, origin, business, adaEmail, since);

    // Nothing booked yet, but a type to book: the dashboard's card says so.
    const card = page.getByTestId("section-card-appointments");
    await card.getByText("No upcoming appointments").waitFor();
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Appointments" }).click();
    await page.getByRole("heading", { level: 1, name: "Appointments" }).waitFor();
    await page.getByTestId("appointments-upcoming").getByText("You have no upcoming appointments.").waitFor();
    await page.getByTestId("calendar-feed-url").waitFor();
    const feedUrl = await page.getByTestId("calendar-feed-url").textContent();
    expect(feedUrl).toMatch(/^https?:\/\/.+\.ics$/);
    // Resetting the address gives a new one.
    await page.getByTestId("calendar-feed").getByRole("button", { name: "Reset address" }).click();
    await page.getByRole("dialog", { name: "Reset your calendar address?" }).getByRole("button", { name: "Reset address" }).click();
    await page.getByText("A new address was made.", { exact: false }).waitFor();
    await expect.poll(() => page.getByTestId("calendar-feed-url").textContent()).not.toBe(feedUrl);

    // Book: the type, a day three days ahead (well before the 24-hour change notice), a free time.
    await page.getByRole("link", { name: "Book an appointment" }).click();
    await page.getByRole("button", { name: "Choose Consultation" }).click();
    await page.getByText(`Times are shown in your time zone: ${CLIENT_ZONE}`).waitFor();
    const firstDay = dayIn(new Date(Date.now() + 3 * 24 * HOUR), CLIENT_ZONE);
    let times = await chooseDay(page, firstDay);
    const taken = times.getByRole("button").first();
    const takenLabel = (await taken.textContent())!;
    await taken.click();
    expect(await taken.getAttribute("aria-pressed")).toBe("true");

    // Someone else gets that time first (staff book it for Bob): the client is told, with fresh times.
    const slots = (
      await business.staff.data(
        `query($typeId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { appointmentSlots(typeId: $typeId, from: $from, to: $to) { startsAt } }`,
        {
          typeId,
          from: new Date(Date.now() + 2 * 24 * HOUR).toISOString(),
          to: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
        },
      )
    ).appointmentSlots as { startsAt: string }[];
    const takenSlot = slots.find(
      (slot) =>
        dayIn(new Date(slot.startsAt), CLIENT_ZONE) === firstDay &&
        new Intl.DateTimeFormat("en-US", { timeZone: CLIENT_ZONE, hour: "numeric", minute: "2-digit" }).format(new Date(slot.startsAt)) ===
          takenLabel,
    );
    expect(takenSlot, `a slot at ${takenLabel} on ${firstDay}`).toBeDefined();
    await staffResult(
      business.staff,
      `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${RESULT} } }`,
      { input: { typeId, startsAt: takenSlot!.startsAt, contactId: bobId, inviteToPortal: false } },
      "bookAppointment",
      "AppointmentSuccess",
    );
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await page.getByTestId("slot-taken").getByText("That time was just taken. Please choose another.").waitFor();
    times = await chooseDay(page, firstDay);
    await expect.poll(() => times.getByRole("button").first().textContent()).not.toBe(takenLabel);
    const chosen = times.getByRole("button").first();
    const bookedLabel = (await chosen.textContent())!;
    await chosen.click();
    await page.getByRole("button", { name: "Confirm booking" }).click();

    // The appointment page: the time in New York, the zone named, the join link, add to calendar.
    await page.waitForURL(/\/appointments\/[^/]+$/);
    await page.getByText("Booked.", { exact: false }).waitFor();
    const when = page.getByTestId("appointment-when");
    expect(await when.textContent()).toContain(bookedLabel);
    expect(await when.textContent()).toMatch(/Eastern (Standard|Daylight) Time, America\/New_York/);
    await page.getByRole("link", { name: /Join the video meeting/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Add to calendar" }).click()]);
    expect(download.suggestedFilename()).toBe("Appointment.ics");
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("utf8")).toContain("BEGIN:VCALENDAR");
    const appointmentPath = new URL(page.url()).pathname;

    // Upcoming lists it; the dashboard's card names it.
    await page.getByRole("link", { name: "Appointments", exact: true }).first().click();
    const upcoming = page.getByTestId("appointments-upcoming");
    await upcoming.getByRole("link", { name: "Consultation" }).waitFor();
    expect(await upcoming.getByTestId("appointment-item").count()).toBe(1);
    await page.goto(`${origin}/`);
    await card.getByText("Next: Consultation").waitFor();

    // Reschedule to the next day, still well inside the rules.
    await page.goto(`${origin}${appointmentPath}`);
    await page.getByTestId("change-open").getByRole("link", { name: "Reschedule" }).click();
    const nextDay = dayIn(new Date(Date.now() + 4 * 24 * HOUR), CLIENT_ZONE);
    times = await chooseDay(page, nextDay);
    // By keyboard: the arrow keys move between the times, Space chooses one (pressed).
    const later = times.getByRole("button").nth(1);
    const laterLabel = (await later.textContent())!;
    await times.getByRole("button").first().focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await expect.poll(() => later.getAttribute("aria-pressed")).toBe("true");
    await page.getByRole("button", { name: "Confirm new time" }).click();
    await page.getByText("Rescheduled.", { exact: false }).waitFor();
    const dateOfNextDay = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", day: "numeric" }).format(
      new Date(`${nextDay}T12:00:00Z`),
    );
    await expect.poll(() => when.textContent()).toContain(dateOfNextDay);
    expect(await when.textContent()).toContain(laterLabel);

    // Cancelling inside the rules, with a reason: it leaves Upcoming.
    await page.getByTestId("change-open").getByRole("button", { name: "Cancel appointment" }).click();
    await page.getByLabel("Reason (optional)").fill("Something came up.");
    await page.getByRole("button", { name: "Cancel the appointment" }).click();
    await page.getByText("Your Consultation appointment was cancelled.").waitFor();
    await expect.poll(() => upcoming.getByTestId("appointment-item").count(), { timeout: 10_000 }).toBe(0);

    // Inside the notice period (staff booked it for tomorrow morning, less than 24 hours ahead): no changes online.
    const soon = (
      await business.staff.data(
        `query($typeId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { appointmentSlots(typeId: $typeId, from: $from, to: $to) { startsAt } }`,
        {
          typeId,
          from: new Date(Date.now() + 2 * HOUR).toISOString(),
          to: new Date(Date.now() + 20 * HOUR).toISOString(),
        },
      )
    ).appointmentSlots as { startsAt: string }[];
    const close = await staffResult(
      business.staff,
      `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${RESULT} ... on AppointmentSuccess { appointment { id } } } }`,
      { input: { typeId, startsAt: soon[0]!.startsAt, contactId: adaId, inviteToPortal: false } },
      "bookAppointment",
      "AppointmentSuccess",
    );
    await page.goto(`${origin}/appointments/${close.appointment.id}`);
    const closed = page.getByTestId("change-closed");
    await closed.getByText(/can no longer be rescheduled or cancelled here: changes were possible until/).waitFor();
    await closed.getByText(/please contact Calm Clinic directly/).waitFor();
    expect(await page.getByRole("link", { name: "Reschedule" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Cancel appointment" }).count()).toBe(0);
    // Opening the reschedule page anyway says it is too late.
    await page.goto(`${origin}/appointments/${close.appointment.id}/reschedule`);
    await page.getByText("It is too late to reschedule this appointment online.").waitFor();

    // Phone width: the booking page's calendar fits, and axe finds nothing serious.
    await page.setViewportSize(PHONE);
    await page.goto(`${origin}/appointments/book?type=${typeId}`);
    await page.getByTestId("slot-day").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${origin}/appointments`);
    await page.getByTestId("appointments-upcoming").getByTestId("appointment-item").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
  }, 180_000);

  it("the client's booking confirmation arrives in the mailbox with the appointment's .ics attached", async () => {
    const business = await createBusiness(env.platform, "Quiet Studio");
    const { typeId } = await bookableType(business);
    const email = `grace@${business.slug}.test`;
    const contactId = await createContact(business.staff, { name: "Grace Hopper", email });
    const since = Date.now() - 1000;
    const slots = (
      await business.staff.data(
        `query($typeId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { appointmentSlots(typeId: $typeId, from: $from, to: $to) { startsAt } }`,
        {
          typeId,
          from: new Date(Date.now() + 2 * 24 * HOUR).toISOString(),
          to: new Date(Date.now() + 3 * 24 * HOUR).toISOString(),
        },
      )
    ).appointmentSlots as { startsAt: string }[];
    await staffResult(
      business.staff,
      `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${RESULT} } }`,
      { input: { typeId, startsAt: slots[0]!.startsAt, contactId, inviteToPortal: false, clientTimeZone: CLIENT_ZONE } },
      "bookAppointment",
      "AppointmentSuccess",
    );
    interface MailMessage {
      subject: string;
      createdAt: string;
      attachments: { name: string; contentType: string; size: number }[];
    }
    let message: MailMessage | undefined;
    await expect
      .poll(
        async () => {
          const data = await business.staff.data(
            `query($to: String) { devMailbox(first: 10, to: $to) { edges { node { subject createdAt attachments { name contentType size } } } } }`,
            { to: email },
          );
          message = data.devMailbox.edges
            .map((edge: { node: MailMessage }) => edge.node)
            .find((node: MailMessage) => Date.parse(node.createdAt) >= since && /^Confirmed: Consultation/.test(node.subject));
          return Boolean(message);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const ics = message!.attachments.find((attachment) => attachment.name.endsWith(".ics"));
    expect(ics, JSON.stringify(message!.attachments)).toBeDefined();
    expect(ics!.contentType).toMatch(/^text\/calendar/);
    expect(ics!.size).toBeGreaterThan(0);
  }, 120_000);

  it("staff find a booking in the agenda, see their own calendar feed, and cancel the booking with a reason", async () => {
    const business = await createBusiness(env.platform, "Busy Bureau");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const { typeId } = await bookableType(business);
    const contactId = await createContact(business.staff, { name: "Alan Turing", email: `alan@${business.slug}.test` });
    const slots = (
      await business.staff.data(
        `query($typeId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { appointmentSlots(typeId: $typeId, from: $from, to: $to) { startsAt } }`,
        {
          typeId,
          from: new Date(Date.now() + 2 * HOUR).toISOString(),
          to: new Date(Date.now() + 6 * HOUR).toISOString(),
        },
      )
    ).appointmentSlots as { startsAt: string }[];
    const booked = await staffResult(
      business.staff,
      `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${RESULT} ... on AppointmentSuccess { appointment { id } } } }`,
      { input: { typeId, startsAt: slots[0]!.startsAt, contactId, inviteToPortal: false } },
      "bookAppointment",
      "AppointmentSuccess",
    );
    const staffPage = await staffSignIn(env.browser, origin, business);
    await staffPage.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Appointments" }).click();
    await staffPage.getByRole("heading", { level: 1, name: "Appointments" }).waitFor();
    await staffPage.getByLabel("Date").fill(dayIn(new Date(slots[0]!.startsAt), "UTC"));
    await staffPage.getByTestId("agenda-item").getByRole("link", { name: "Consultation with Alan Turing" }).waitFor();
    await staffPage.getByTestId("calendar-feed").locator("code").waitFor();
    expect(await seriousViolations(staffPage)).toEqual([]);
    await staffPage.getByTestId("agenda-item").getByRole("link", { name: "Consultation with Alan Turing" }).click();
    await staffPage.waitForURL(new RegExp(`/admin/appointments/${booked.appointment.id}$`));
    await staffPage.getByRole("button", { name: "Reschedule" }).waitFor();
    await staffPage.getByRole("button", { name: "Cancel appointment" }).click();
    await staffPage.getByLabel("Reason (sent to the client)").fill("The studio is closed that day.");
    await staffPage.getByRole("button", { name: "Cancel the appointment" }).click();
    await staffPage.getByText("Cancelled.", { exact: false }).waitFor();
    await staffPage.getByTestId("appointment-status").getByText("Cancelled").waitFor();
  }, 120_000);

  it("staff create a type, set weekly hours and a day off in their zone, and book a contact without portal access, who is invited", async () => {
    const business = await createBusiness(env.platform, "Harbour Health");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const graceEmail = `grace@${business.slug}.test`;
    await createContact(business.staff, { name: "Grace Hopper", email: graceEmail });
    const staffPage = await staffSignIn(env.browser, origin, business);
    await staffPage.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Appointments" }).click();
    const tabs = staffPage.getByRole("navigation", { name: "Appointments" });

    // A type: video meeting, hosted by the owner.
    await tabs.getByRole("link", { name: "Types" }).click();
    await staffPage.getByRole("link", { name: "New appointment type" }).click();
    await staffPage.getByLabel("Name").fill("Intro call");
    await staffPage.getByLabel("Duration (minutes)").fill("20");
    await staffPage.getByLabel("Location").selectOption("VIDEO");
    await staffPage.getByLabel("Video meeting link").fill("https://meet.example.test/intro");
    await staffPage.getByLabel("Owner Person").check();
    await staffPage.getByRole("button", { name: "Create type" }).click();
    await staffPage.getByTestId("appointment-type").getByRole("link", { name: "Intro call", exact: true }).waitFor();

    // Weekly hours in Berlin, 09:00–17:00 every day, and a day off a week from now.
    await tabs.getByRole("link", { name: "Availability" }).click();
    await staffPage.getByRole("heading", { name: "Weekly hours of Owner Person" }).waitFor();
    await staffPage.getByLabel("Time zone").selectOption("Europe/Berlin");
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
      await staffPage.getByRole("button", { name: `Add hours to ${day}` }).click();
    }
    await staffPage.getByRole("button", { name: "Save weekly hours" }).click();
    await staffPage.getByText("Weekly hours saved.").waitFor();
    const dayOff = dayIn(new Date(Date.now() + 7 * 24 * HOUR), "Europe/Berlin");
    await staffPage.getByRole("form", { name: "Add a date override" }).getByLabel("Date").fill(dayOff);
    await staffPage.getByRole("button", { name: "Save override" }).click();
    await staffPage.getByRole("list", { name: "Date overrides" }).getByText("day off").waitFor();
    expect(await seriousViolations(staffPage)).toEqual([]);

    // Book Grace (no portal access yet): the invitation is ticked by default.
    await tabs.getByRole("link", { name: "Book" }).click();
    await staffPage.getByLabel("Search contacts").fill("Grace");
    await staffPage.getByLabel("Contact", { exact: true }).selectOption({ label: `Grace Hopper (${graceEmail}) · no portal access` });
    await staffPage.getByLabel("Appointment type").selectOption({ label: "Intro call (20 minutes)" });
    const picker = staffPage.getByTestId("slot-picker");
    await picker.getByTestId("slot-day").or(picker.getByTestId("no-slots")).first().waitFor();
    if (await picker.getByTestId("no-slots").count()) await picker.getByRole("button", { name: "Next month" }).click();
    await picker.getByTestId("slot-day").getByRole("button").first().click();
    expect(await staffPage.getByLabel("Invite to the portal if they have no access yet").isChecked()).toBe(true);
    const since = Date.now() - 1000;
    await staffPage.getByRole("button", { name: "Book appointment" }).click();
    await staffPage.getByRole("heading", { level: 1, name: "Intro call with Grace Hopper" }).waitFor();
    await staffPage.getByTestId("appointment-status").getByText("Booked").waitFor();
    // Her invitation arrives, its link opening the portal.
    expect(await linkFromMailbox(business.staff, graceEmail, since)).toMatch(/token=/);
  }, 120_000);
});
