import { mkdirSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deliver, LoopbackStripe, STRIPE_KEYS, stripeEvent } from "../../subgraphs/billing/tests/stripe-server.js";
import { staffSignIn } from "../support/browser-journeys.js";
import { clickInPreview, openMail } from "../support/browser-mailbox.js";
import { mapPortalPort } from "../support/browser-portal-port.js";
import { launchBrowser, useBrowserPlatform } from "../support/browser.js";
import type { PortalClient } from "../support/http-client.js";
import { createBusiness, createContact, type TestBusiness } from "../support/journeys.js";
import { startPlatform, type Platform } from "../support/platform.js";
import { seriousViolations } from "../support/axe.js";

const PHONE = { width: 390, height: 844 };
/** Where the screenshots go, for a person to look at. */
const SCREENSHOTS = "test-results/screenshots";
const RESULT = `__typename ... on UserError { message }`;

/** Whether the element appears within a few seconds (a page still loading is given the time). */
function shows(locator: Locator): Promise<boolean> {
  return locator.waitFor({ timeout: 5000 }).then(
    () => true,
    () => false,
  );
}

/** Nothing sticks out sideways at phone width. */
async function fitsThePhone(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function staffData(staff: PortalClient, query: string, variables: Record<string, unknown>, field: string, success: string) {
  const result = (await staff.data(query, variables))[field];
  expect(result, JSON.stringify(result)).toMatchObject({ __typename: success });
  return result;
}

/** A published course with one text lesson, through the API. */
async function publishedCourse(staff: PortalClient, title: string): Promise<string> {
  const courseId = await draftCourse(staff, title);
  await publishCourse(staff, courseId);
  return courseId;
}

async function publishCourse(staff: PortalClient, id: string): Promise<void> {
  await staffData(staff, `mutation($id: ID!) { publishCourse(id: $id) { ${RESULT} } }`, { id }, "publishCourse", "CourseSuccess");
}

/** A draft course with one text lesson, through the API. */
async function draftCourse(staff: PortalClient, title: string): Promise<string> {
  const course = await staffData(
    staff,
    `mutation($input: CourseInput!) { createCourse(input: $input) { ${RESULT} ... on CourseSuccess { course { id } } } }`,
    { input: { title, description: "Paint your first landscape." } },
    "createCourse",
    "CourseSuccess",
  );
  const courseId = course.course.id as string;
  const module = await staffData(
    staff,
    `mutation($courseId: ID!, $input: CourseModuleInput!) { createCourseModule(courseId: $courseId, input: $input) { ${RESULT} ... on CourseModuleSuccess { module { id } } } }`,
    { courseId, input: { title: "First strokes" } },
    "createCourseModule",
    "CourseModuleSuccess",
  );
  await staffData(
    staff,
    `mutation($moduleId: ID!, $input: CourseLessonInput!) { createCourseLesson(moduleId: $moduleId, input: $input) { ${RESULT} ... on CourseLessonSuccess { lesson { id } } } }`,
    { moduleId: module.module.id, input: { title: "Your brushes", kind: "TEXT", body: "Three brushes are enough." } },
    "createCourseLesson",
    "CourseLessonSuccess",
  );
  return courseId;
}

/** An open programme (20 % of the first payment) and a contact made its affiliate, with their link's code. */
async function affiliateOf(business: TestBusiness, portal: string, name: string): Promise<{ id: string; code: string }> {
  const programme = await business.staff.data(
    `mutation($input: AffiliateProgrammeInput!) { updateAffiliateProgramme(input: $input) { ${RESULT} } }`,
    {
      input: {
        enabled: true,
        commissionType: "PERCENTAGE",
        commissionBasisPoints: 2000,
        recurringMonths: 0,
        attributionWindowDays: 30,
        holdDays: 30,
        minimumPayout: 5000,
        allowedLandingUrls: [`${portal}/`],
      },
    },
  );
  expect(programme.updateAffiliateProgramme.__typename).toBe("AffiliateProgrammeSuccess");
  const contactId = await createContact(business.staff, { name, email: `ada@${business.slug}.test` });
  let affiliate: { id: string; links: { code: string; isDefault: boolean }[] } | null = null;
  // Affiliates learns of a contact from identity's events: tried again until it knows this one.
  await expect
    .poll(
      async () => {
        const made = await business.staff.data(
          `mutation($id: ID!) { makeAffiliate(contactId: $id, inviteToPortal: false) { ${RESULT} ... on AffiliateSuccess { affiliate { id links { code isDefault } } } } }`,
          { id: contactId },
        );
        affiliate = made.makeAffiliate.affiliate ?? null;
        return made.makeAffiliate.__typename;
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe("AffiliateSuccess");
  const made = affiliate as unknown as { id: string; links: { code: string; isDefault: boolean }[] };
  return { id: made.id, code: made.links.find((link) => link.isDefault)!.code };
}

async function communityGroup(staff: PortalClient, name: string): Promise<string> {
  const created = await staffData(
    staff,
    `mutation($input: CommunityGroupInput!) { createCommunityGroup(input: $input) { ${RESULT} ... on CommunityGroupSuccess { group { id } } } }`,
    { input: { name, description: "Share your paintings." } },
    "createCommunityGroup",
    "CommunityGroupSuccess",
  );
  return created.group.id as string;
}

/**
 * A business sells a course and its community group on an order form: staff make the offer in the
 * console, a visitor buys it with a test payment on the portal's address, finds the invitation in
 * their email, signs in and has both; the execution log shows the default workflow's run, all done.
 */
describe("an order form, in the browser", () => {
  const env = useBrowserPlatform();

  it("staff create an offer → a visitor pays on /buy/<slug> → checks their email → signs in to the course and the group; the run is logged done", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const business = await createBusiness(env.platform, "Order Form Studio");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const portal = `http://${business.host}:4000`; // the business's configured address, in links and emails
    const courseTitle = "Watercolour basics";
    const groupName = "Painters' circle";
    await publishedCourse(business.staff, courseTitle);
    await communityGroup(business.staff, groupName);
    const affiliate = await affiliateOf(business, portal, "Ada Affiliate");

    // Staff make the offer in the console, choosing the course and the group it grants.
    const staffPage = await staffSignIn(env.browser, origin, business);
    await staffPage.goto(`${origin}/admin/offers/new`);
    await staffPage.getByLabel("Name").fill("Watercolour club");
    await staffPage.getByLabel("Description").fill("The **whole** course and the painters' group.");
    await staffPage.getByLabel("Price").fill("49");
    expect(await staffPage.getByLabel("Page address").inputValue()).toBe("watercolour-club");
    await staffPage.getByRole("checkbox", { name: courseTitle }).check({ timeout: 15_000 });
    await staffPage.getByRole("checkbox", { name: groupName }).check();
    expect(await seriousViolations(staffPage)).toEqual([]);
    await staffPage.getByRole("button", { name: "Create offer" }).click();
    await staffPage.getByRole("heading", { level: 2, name: "Order page" }).waitFor();
    const publicLink = await staffPage.getByTestId("offer-public-link").inputValue();
    expect(publicLink).toBe(`${portal}/buy/watercolour-club`);
    await staffPage.getByRole("button", { name: "Copy link" }).waitFor();
    // The editor and the offers list fit a phone.
    await staffPage.setViewportSize(PHONE);
    expect(await fitsThePhone(staffPage)).toBe(true);
    await staffPage.goto(`${origin}/admin/offers`);
    await staffPage.getByTestId("offer-item").filter({ hasText: "Watercolour club" }).waitFor();
    expect(await fitsThePhone(staffPage)).toBe(true);
    expect(await seriousViolations(staffPage)).toEqual([]);
    await staffPage.setViewportSize({ width: 1280, height: 900 });

    // A visitor, not signed in, opens the link on a phone: the page wears the business's brand.
    const visitorContext = await env.browser.newContext({ viewport: PHONE });
    await mapPortalPort(visitorContext, env.platform.gatewayPort);
    const visitor = await visitorContext.newPage();
    // The affiliate link's redirect appends `?ref=<code>`: the order carries it.
    await visitor.goto(`${publicLink}?ref=${affiliate.code}`);
    await visitor.getByRole("heading", { level: 1, name: "Watercolour club" }).waitFor();
    expect(await visitor.getByTestId("offer-price").textContent()).toBe("$49.00");
    expect(await visitor.locator(".order-description strong").textContent()).toBe("whole");
    expect(await visitor.getByRole("banner").textContent()).toContain("Order Form Studio");
    expect(await seriousViolations(visitor)).toEqual([]);
    expect(await fitsThePhone(visitor)).toBe(true);
    await visitor.screenshot({ path: `${SCREENSHOTS}/order-page-390.png`, fullPage: true });

    // Name and email, then the demo's test payment.
    const email = `mira@${business.slug}.test`;
    await visitor.getByLabel("Name").fill("Mira Buyer");
    await visitor.getByLabel("Email").fill(email);
    await visitor.getByRole("button", { name: "Continue to pay $49.00" }).click();
    await visitor.getByTestId("test-payment-label").waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);
    await visitor.screenshot({ path: `${SCREENSHOTS}/order-pay-390.png`, fullPage: true });
    await visitor.getByRole("button", { name: "Pay $49.00" }).click();

    // The result page waits for the payment and the new contact, then says to check the email.
    await visitor.waitForURL(/\/buy\/watercolour-club\/done\?order=/);
    const orderId = new URL(visitor.url()).searchParams.get("order")!;
    await visitor.getByRole("heading", { name: "Check your email" }).waitFor({ timeout: 30_000 });
    expect(await visitor.getByTestId("order-result").textContent()).toContain(email);
    expect(await seriousViolations(visitor)).toEqual([]);
    expect(await fitsThePhone(visitor)).toBe(true);
    await visitor.screenshot({ path: `${SCREENSHOTS}/order-done-390.png`, fullPage: true });

    // The invitation, opened from the dev mailbox, signs the buyer in.
    await visitor.goto(`${portal}/dev/mailbox`);
    const invitation = await openMail(visitor, email, "You're invited to");
    await clickInPreview(visitor, invitation.getByRole("link", { name: "Open your portal" }), /\/auth\/confirm/);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await visitor.getByRole("button", { name: "Sign out" }).waitFor();

    // The course and the group are theirs (the grants arrive through the workflow: retried until they do).
    await expect
      .poll(
        async () => {
          await visitor.goto(`${portal}/courses`);
          return shows(visitor.getByText(courseTitle).first());
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);
    await expect
      .poll(
        async () => {
          await visitor.goto(`${portal}/communities`);
          return shows(visitor.getByRole("link", { name: groupName }).first());
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);

    // The receipt page in the portal, with its PDF.
    await visitor.goto(`${portal}/orders/${orderId}`);
    await visitor.getByRole("heading", { name: /^Order #\d+$/ }).waitFor();
    expect(await visitor.getByTestId("order-amount").textContent()).toBe("$49.00");
    // (Fetched by the page: downloads do not pass through the test's mapping of the portal's address.)
    const link = visitor.getByRole("link", { name: "Download receipt" });
    expect(await link.getAttribute("download")).not.toBeNull();
    const receipt = await visitor.evaluate(
      async (href) => {
        const response = await fetch(href);
        const start = new Uint8Array(await response.arrayBuffer()).subarray(0, 5);
        return { status: response.status, disposition: response.headers.get("content-disposition"), start: String.fromCharCode(...start) };
      },
      (await link.getAttribute("href"))!,
    );
    expect(receipt).toMatchObject({ status: 200, start: "%PDF-" });
    expect(receipt.disposition).toMatch(/receipt-order-\d+\.pdf/);
    expect(await seriousViolations(visitor)).toEqual([]);
    expect(await fitsThePhone(visitor)).toBe(true);
    await visitor.screenshot({ path: `${SCREENSHOTS}/order-receipt-390.png`, fullPage: true });
    // All their orders, each opening its receipt.
    await visitor.getByRole("link", { name: "All your orders" }).click();
    const listed = visitor.getByTestId("client-order").filter({ hasText: "Watercolour club" });
    await listed.waitFor();
    expect(await listed.textContent()).toContain("$49.00");
    expect(await seriousViolations(visitor)).toEqual([]);
    expect(await fitsThePhone(visitor)).toBe(true);
    await listed.getByRole("link", { name: "Watercolour club" }).click();
    await visitor.waitForURL(`${portal}/orders/${orderId}`);

    // Staff see the order, paid, with the referral code it came with.
    await staffPage.goto(`${origin}/admin/orders`);
    const row = staffPage.getByTestId("order-row").filter({ hasText: "Mira Buyer" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Watercolour club");
    expect(await row.textContent()).toContain(`referred (${affiliate.code})`);
    expect(await row.textContent()).toContain("$49.00");
    expect(await seriousViolations(staffPage)).toEqual([]);

    // Staff see the default workflow's run in the execution log, every step done.
    const run = staffPage.getByTestId("workflow-run").filter({ hasText: "Order paid → invite and grant what the offer includes" });
    await expect
      .poll(
        async () => {
          await staffPage.goto(`${origin}/admin/workflows/runs`);
          await staffPage.getByRole("heading", { name: "Execution log" }).waitFor();
          await staffPage.getByText(/^\d+ runs?$/).waitFor();
          return (await run.count()) > 0 ? run.first().getByTestId("run-outcome").first().textContent() : null;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe("Done");
    const steps = run.first().getByTestId("run-step");
    expect(await steps.count()).toBeGreaterThanOrEqual(3);
    await staffPage.screenshot({ path: `${SCREENSHOTS}/workflow-runs.png`, fullPage: true });
    for (const step of await steps.all()) expect(await step.getByTestId("run-outcome").textContent()).toBe("Done");
    expect(await run.first().textContent()).toContain("Mira Buyer");
    expect(await seriousViolations(staffPage)).toEqual([]);

    // The affiliate who referred the buyer has the conversion: the referral, and a commission on the order.
    await expect
      .poll(
        async () => {
          await staffPage.goto(`${origin}/admin/affiliates/${affiliate.id}`);
          await staffPage.getByRole("heading", { name: "Ada Affiliate", level: 1 }).waitFor();
          return shows(staffPage.getByTestId("referral").filter({ hasText: "Mira Buyer" }));
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);
    const conversion = async () =>
      (
        await business.staff.data(
          `query($id: ID!) { affiliate(id: $id) { stats { conversions } commissions(first: 5) { edges { node { amount currency } } } } }`,
          { id: affiliate.id },
        )
      ).affiliate;
    await expect.poll(async () => (await conversion()).stats.conversions, { timeout: 20_000, interval: 1000 }).toBe(1);
    expect((await conversion()).commissions.edges.map((edge: { node: unknown }) => edge.node)).toEqual([{ amount: 980, currency: "USD" }]);

    // The log filters by outcome: nothing failed.
    await staffPage.goto(`${origin}/admin/workflows/runs`);
    await staffPage.getByText(/^\d+ runs?$/).waitFor();
    await staffPage.getByLabel("Outcome").selectOption("FAILED");
    await staffPage.getByText("No runs match.").waitFor();

    // The workflows list shows the default workflow switched on; the builder opens it.
    await staffPage.goto(`${origin}/admin/workflows`);
    const item = staffPage.getByTestId("workflow-item").filter({ hasText: "Order paid → invite and grant" });
    expect(await item.getByRole("switch").isChecked()).toBe(true);
    expect(await seriousViolations(staffPage)).toEqual([]);
    await item.getByRole("link").click();
    await staffPage.getByLabel("When this happens").waitFor();
    expect(await staffPage.getByTestId("workflow-step").count()).toBe(2);
    expect(await seriousViolations(staffPage)).toEqual([]);
    await visitorContext.close();
  }, 180_000);

  it("staff build a workflow with the keyboard; its run fails on a draft course, and a re-run after publishing finishes it", async () => {
    const business = await createBusiness(env.platform, "Workflow Builder Studio");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const courseId = await draftCourse(business.staff, "Ink drawing");
    const staffPage = await staffSignIn(env.browser, origin, business);
    const keyboard = staffPage.keyboard;
    const press = async (locator: Locator) => {
      await locator.focus();
      await keyboard.press("Enter");
    };
    const focused = () => staffPage.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.id ?? "");

    await staffPage.goto(`${origin}/admin/workflows/new`);
    await staffPage.getByLabel("Name").focus();
    await keyboard.type("Welcome new contacts");
    await staffPage.getByLabel("When this happens").selectOption({ label: "Contact created" });

    // A condition: added from the keyboard, focus lands on its first choice.
    await press(staffPage.getByRole("button", { name: "Add condition" }));
    await expect.poll(() => staffPage.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
    await staffPage.getByLabel("What (condition 1)").selectOption({ label: "Contact's name" });
    await staffPage.getByLabel("Test (condition 1)").selectOption({ label: "contains" });
    await staffPage.getByLabel("Value (condition 1)").fill("Lin");

    // Actions: invitation (there from the start), enrol, a wait and an email.
    const addAction = staffPage.getByRole("button", { name: "Add action" });
    await press(addAction);
    await staffPage.getByLabel("Action (step 2)").selectOption({ label: "Enrol in a course" });
    await press(addAction);
    await staffPage.getByLabel("Action (step 3)").selectOption({ label: "Wait" });
    await press(addAction);
    await staffPage.getByLabel("Action (step 4)").selectOption({ label: "Send an email" });
    await staffPage.getByLabel("Subject (step 4)").fill("Welcome aboard");
    await staffPage.getByLabel("Email text (step 4)").fill("Hello ");
    const placeholder = staffPage.getByRole("list", { name: "Placeholders (step 4)" }).getByRole("button").first();
    const token = ((await placeholder.locator("code").textContent()) ?? "").trim();
    expect(token).toMatch(/^\{\{[\w.]+\}\}$/);
    await press(placeholder);
    await expect.poll(() => staffPage.getByLabel("Email text (step 4)").inputValue()).toBe(`Hello ${token}`);

    // The email moves above the wait with the keyboard; focus stays on its Move up button.
    await press(staffPage.getByRole("button", { name: "Move up (step 4, Send an email)" }));
    await expect.poll(focused).toBe("Move up (step 3, Send an email)");
    expect(await staffPage.getByRole("status").filter({ hasText: "Send an email moved to step 3." }).count()).toBe(1);
    // The wait is taken out again.
    await press(staffPage.getByRole("button", { name: "Remove (step 4, Wait)" }));
    await expect.poll(() => staffPage.getByTestId("workflow-step").count()).toBe(3);

    // Saving without the course names it and puts focus on it.
    await press(staffPage.getByRole("button", { name: "Save workflow" }));
    const course = staffPage.getByLabel("Course (step 2)");
    await staffPage.getByText("Choose the course to enrol them in").waitFor();
    await expect.poll(() => course.evaluate((element) => element === document.activeElement)).toBe(true);
    await course.selectOption({ label: "Ink drawing (draft)" });
    expect(await seriousViolations(staffPage)).toEqual([]);
    await press(staffPage.getByRole("button", { name: "Save workflow" }));
    await staffPage.getByText("Workflow saved.").waitFor();
    await staffPage.waitForURL(/\/admin\/workflows\/[0-9a-f-]{36}$/);
    const workflowId = new URL(staffPage.url()).pathname.split("/").pop()!;

    // Reloaded, the steps are in the saved order.
    await staffPage.reload();
    await staffPage.getByLabel("Action (step 3)").waitFor();
    const types = await staffPage
      .getByTestId("workflow-step")
      .evaluateAll((steps) => steps.map((step) => (step.querySelector("select") as HTMLSelectElement).value));
    expect(types).toEqual(["INVITE_TO_PORTAL", "ENROL_IN_COURSE", "SEND_EMAIL"]);
    expect(await staffPage.getByLabel("Value (condition 1)").inputValue()).toBe("Lin");

    // A new contact starts it; the course is still a draft, so its step fails and says why.
    await createContact(business.staff, { name: "Lin Student", email: `lin@${business.slug}.test` });
    await createContact(business.staff, { name: "Sam Other", email: `sam@${business.slug}.test` });
    const run = staffPage.getByTestId("workflow-run").filter({ hasText: "Lin Student" });
    await expect
      .poll(
        async () => {
          await staffPage.goto(`${origin}/admin/workflows/runs?workflow=${workflowId}`);
          await staffPage.getByText(/^\d+ runs?$/).waitFor();
          return (await run.count()) > 0 ? run.first().getByTestId("run-outcome").first().textContent() : null;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe("Failed");
    // Only the contact the condition matches ran.
    expect(await staffPage.getByTestId("workflow-run").count()).toBe(1);
    const failedStep = run.getByTestId("run-step").filter({ hasText: "Ink drawing" });
    expect(await failedStep.textContent()).toContain("Publish the course before enrolling students");
    expect(await seriousViolations(staffPage)).toEqual([]);

    // Published now, the run is re-run from the failed step and finishes.
    await publishCourse(business.staff, courseId);
    await press(run.getByRole("button", { name: "Re-run from the failed step (Welcome new contacts)" }));
    await expect
      .poll(
        async () => {
          await staffPage.reload();
          await staffPage.getByText(/^\d+ runs?$/).waitFor();
          return run.first().getByTestId("run-outcome").first().textContent();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe("Done");
    const outcomes = await run.getByTestId("run-step").getByTestId("run-outcome").allTextContents();
    expect(outcomes).toContain("Retried");
    expect(outcomes.at(-1)).toBe("Done");

    // Switched off in the list, it stays off.
    await staffPage.goto(`${origin}/admin/workflows`);
    const toggle = staffPage.getByRole("switch", { name: "On (Welcome new contacts)" });
    await toggle.focus();
    await keyboard.press("Space");
    await staffPage.getByText("“Welcome new contacts” is off.").waitFor();
    await staffPage.reload();
    expect(await staffPage.getByRole("switch", { name: "On (Welcome new contacts)" }).isChecked()).toBe(false);

    // The builder fits a phone.
    await staffPage.setViewportSize(PHONE);
    await staffPage.goto(`${origin}/admin/workflows/${workflowId}`);
    await staffPage.getByLabel("Action (step 3)").waitFor();
    expect(await fitsThePhone(staffPage)).toBe(true);
    expect(await seriousViolations(staffPage)).toEqual([]);
  }, 180_000);
});

/**
 * With Stripe keys the order page takes cards with the Payment Element (no test-payment button).
 * Stripe.js is blocked here (offline machine), so the buyer is told plainly; Stripe's webhook then
 * confirms the payment, and the result page, which kept the order's secret in the tab, says what next.
 */
describe("an order form with Stripe keys, in the browser", () => {
  const stripe = new LoopbackStripe();
  let platform: Platform;
  let browser: Browser;
  beforeAll(async () => {
    const stripeApiBase = await stripe.start();
    platform = await startPlatform(inject("databaseUrl" as never) as string, {
      webDistDir: "web/dist",
      billing: { testPayments: false, stripe: STRIPE_KEYS, stripeApiBase },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await stripe.stop();
  });

  it("no test payment; Stripe.js not loading is said plainly; the webhook's confirmation reaches the result page", async () => {
    const business = await createBusiness(platform, "Card Order Studio");
    const origin = `http://${business.host}:${platform.gatewayPort}`;
    const courseId = await publishedCourse(business.staff, "Ink drawing");
    const offer = `mutation($input: OfferInput!) { createOffer(input: $input) { ${RESULT} ... on OfferSuccess { offer { id } } } }`;
    const input = {
      name: "Ink course",
      description: "Ten lessons.",
      price: 2500,
      currency: "USD",
      slug: "ink-course",
      courseIds: [courseId],
    };
    expect((await business.staff.data(offer, { input })).createOffer.__typename).toBe("OfferSuccess");

    const context = await browser.newContext({ viewport: PHONE });
    await context.route(/js\.stripe\.com/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${origin}/buy/ink-course`);
    await page.getByLabel("Name").fill("Noa Card");
    await page.getByLabel("Email").fill(`noa@${business.slug}.test`);
    await page.getByRole("button", { name: "Continue to pay $25.00" }).click();
    await page.getByText("Card payments could not be loaded").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("test-payment-label").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Stripe's return URL leads to the result page, which waits while the payment is unconfirmed
    // (the order's secret stayed in the tab, not in the address).
    expect(stripe.intents.size).toBe(1);
    const intent = [...stripe.intents.values()][0]!;
    const orderId = intent.metadata.orderId!;
    await page.goto(`${origin}/buy/ink-course/done?order=${orderId}`);
    await page.getByRole("heading", { name: "Confirming your payment…" }).waitFor();
    await page.waitForTimeout(4000);
    expect(await page.getByRole("heading", { name: "Confirming your payment…" }).count()).toBe(1);

    // Stripe confirms the PaymentIntent billing created for the order; the waiting page follows.
    const succeeded = stripeEvent("payment_intent.succeeded", {
      id: intent.id,
      object: "payment_intent",
      amount: intent.amount,
      amount_received: intent.amount,
      currency: "usd",
      status: "succeeded",
      metadata: intent.metadata,
    });
    expect((await deliver(platform.billing.url.replace(/\/graphql$/, "/webhooks/stripe"), succeeded)).status).toBe(200);

    await page.getByRole("heading", { name: "Check your email" }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("order-result").textContent()).toContain("Payment of $25.00 received for Ink course");
    // Opened in another tab (no secret there), the page tells nothing about the order.
    const other = await context.newPage();
    await other.goto(`${origin}/buy/ink-course/done?order=${orderId}`);
    await other.getByRole("heading", { name: "Thank you" }).waitFor();
    expect(await other.textContent("main")).not.toContain("noa@");
    await context.close();
  }, 120_000);
});
