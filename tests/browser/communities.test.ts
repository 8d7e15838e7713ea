import { deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserPlatform } from "../support/browser.js";
import { seriousViolations } from "../support/axe.js";
import { clientSignInFromEmail, staffSignIn } from "../support/browser-journeys.js";
import type { PortalClient } from "../support/http-client.js";
import { createBusiness, createContact, invite, type TestBusiness } from "../support/journeys.js";

const RESULT = `__typename ... on UserError { message }`;
const PHONE = { width: 390, height: 844 };

/** A small real PNG (a colour gradient), as a member would pick from their photos. */
function gradientPng(width: number, height: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc(typed), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set([(x * 255) / width, 120, (y * 255) / height], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Staff make a group through the API; communities learns new contacts from identity's events, so adding them is retried. */
async function groupWith(staff: PortalClient, name: string, contactIds: string[]): Promise<string> {
  const created = await staff.data(
    `mutation($input: CommunityGroupInput!) { createCommunityGroup(input: $input) { ${RESULT} ... on CommunityGroupSuccess { group { id } } } }`,
    { input: { name, description: "Show what you are building." } },
  );
  expect(created.createCommunityGroup.__typename).toBe("CommunityGroupSuccess");
  const groupId = created.createCommunityGroup.group.id as string;
  await expect
    .poll(
      async () =>
        (
          await staff.data(
            `mutation($groupId: ID!, $ids: [ID!]!) { addCommunityMembers(groupId: $groupId, contactIds: $ids, inviteToPortal: false) { ${RESULT} } }`,
            { groupId, ids: contactIds },
          )
        ).addCommunityMembers.__typename,
      { timeout: 15_000 },
    )
    .toBe("CommunityMembersSuccess");
  return groupId;
}

/** A contact of the business, named `name`, with an address of its own. */
async function newContact(business: TestBusiness, name: string) {
  const email = `${name.split(" ")[0]!.toLowerCase()}@${business.slug}.test`;
  const id = await createContact(business.staff, { name, email });
  return { id, email, name };
}

async function openGroup(page: Page, origin: string, groupName: string) {
  await page.goto(`${origin}/communities`);
  await page.getByRole("link", { name: groupName }).click();
  await page.getByRole("heading", { level: 1, name: groupName }).waitFor();
}

describe("communities in the browser", () => {
  const env = useBrowserPlatform();

  it("two members: a post arrives as “1 new post” without reloading; its author sees the comment and the reaction live", async () => {
    const business = await createBusiness(env.platform, "Makers Guild");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const ada = await newContact(business, "Ada Lovelace");
    const grace = await newContact(business, "Grace Hopper");
    const groupId = await groupWith(business.staff, "Workbench", [ada.id, grace.id]);

    const since = Date.now() - 1000;
    await invite(business.staff, ada.id);
    await invite(business.staff, grace.id);
    const adaPage = await clientSignInFromEmail(env.browser, origin, business.staff, ada.email, since);
    const gracePage = await clientSignInFromEmail(env.browser, origin, business.staff, grace.email, since);

    // The dashboard shows the Communities card; the group list leads to the feed.
    await adaPage.getByTestId("section-card-communities").getByText("You are in 1 group").waitFor();
    await openGroup(adaPage, origin, "Workbench");
    await openGroup(gracePage, origin, "Workbench");
    await gracePage.getByText("No posts yet. Start the conversation!").waitFor();

    // Ada posts; her post is at the top of her feed at once.
    await adaPage.getByRole("button", { name: "Start a post…" }).click();
    await adaPage.getByLabel("Title (optional)").fill("New workbench");
    await adaPage.getByRole("combobox", { name: "Post", exact: true }).fill("Finally built it: **solid oak**, two vices.");
    await adaPage.getByRole("tab", { name: "Preview" }).click();
    await adaPage.getByRole("tabpanel").locator("strong", { hasText: "solid oak" }).waitFor();
    expect(await adaPage.getByRole("combobox", { name: "Post", exact: true }).isVisible()).toBe(false);
    // …with a photo, uploaded through the gateway's file relay as it is chosen.
    await adaPage.getByLabel("Add images").setInputFiles([{ name: "bench.png", mimeType: "image/png", buffer: gradientPng(300, 150) }]);
    await adaPage.getByText("Uploaded", { exact: true }).waitFor();
    await adaPage.getByRole("button", { name: "Publish" }).click();
    const adaPost = adaPage.getByRole("article", { name: "New workbench" });
    await adaPost.getByText("solid oak").waitFor();
    await adaPost.getByRole("img", { name: "bench.png" }).waitFor();
    expect(await adaPost.locator("strong").textContent()).toBe("solid oak");

    // Grace is offered the new post above the feed; it joins the list only when she asks.
    const newPosts = gracePage.getByRole("button", { name: "1 new post" });
    await newPosts.waitFor({ timeout: 10_000 });
    expect(await gracePage.getByRole("article", { name: "New workbench" }).count()).toBe(0);
    await newPosts.click();
    const gracePost = gracePage.getByRole("article", { name: "New workbench" });
    await gracePost.getByText("solid oak").waitFor();
    // The image is served to another member through the gateway.
    await expect
      .poll(() => gracePost.getByRole("img", { name: "bench.png" }).evaluate((img: HTMLImageElement) => img.naturalWidth), {
        timeout: 10_000,
      })
      .toBe(300);

    // Grace comments and reacts.
    await gracePost.getByRole("combobox", { name: "Write a comment" }).fill("Looks great, what finish did you use?");
    await gracePost.getByRole("button", { name: "Comment", exact: true }).click();
    await gracePost.getByRole("article", { name: "Comment by Grace Hopper" }).getByText("what finish did you use").waitFor();
    await gracePost.getByRole("button", { name: "React" }).first().click();
    await gracePost.getByRole("group", { name: "Choose a reaction" }).getByRole("button", { name: "Love" }).click();
    const graceLove = gracePost.getByRole("button", { name: "Love, 1" });
    await graceLove.waitFor();
    expect(await graceLove.getAttribute("aria-pressed")).toBe("true");

    // Ada edits her post (new wording, without the photo); Grace's copy changes in place, marked edited.
    await adaPost.getByRole("button", { name: "Edit “New workbench”" }).click();
    await adaPost.getByRole("textbox", { name: "Post" }).fill("Finally built it: **solid oak**, two vices and a tool well.");
    await adaPost.getByRole("button", { name: "Remove bench.png" }).click();
    await adaPost.getByRole("button", { name: "Save changes" }).click();
    await adaPost.getByText("two vices and a tool well").waitFor();
    await gracePost.getByText("two vices and a tool well").waitFor({ timeout: 10_000 });
    await gracePost.getByText("(edited)").waitFor();
    expect(await gracePost.getByRole("img", { name: "bench.png" }).count()).toBe(0);

    // Ada sees both arrive on her open page, without reloading; the reaction is not hers.
    await adaPost
      .getByRole("article", { name: "Comment by Grace Hopper" })
      .getByText("what finish did you use")
      .waitFor({ timeout: 10_000 });
    const adaLove = adaPost.getByRole("button", { name: "Love, 1" });
    await adaLove.waitFor({ timeout: 10_000 });
    expect(await adaLove.getAttribute("aria-pressed")).toBe("false");
    await adaPost.getByText("1 comment", { exact: true }).waitFor();

    // Ada replies; Grace sees the reply under her comment live.
    await adaPost.getByRole("button", { name: "Reply to Grace Hopper" }).click();
    // Typing @ suggests the group's members; choosing one writes their name, which becomes a mention.
    const replyBox = adaPost.getByRole("combobox", { name: "Reply to Grace Hopper" });
    await replyBox.fill("@Gra");
    await adaPost.getByRole("option", { name: "Grace Hopper" }).waitFor();
    await replyBox.press("Enter");
    expect(await replyBox.inputValue()).toBe("@Grace Hopper ");
    await replyBox.pressSequentially("hard wax oil, three coats.");
    await adaPost.getByRole("button", { name: "Reply", exact: true }).click();
    const replies = gracePost.getByRole("list", { name: "Replies to Grace Hopper" });
    await replies.getByText("hard wax oil").waitFor({ timeout: 10_000 });
    expect(await replies.locator("a.mention").textContent()).toBe("@Grace Hopper");

    // The feed is usable at phone width and axe finds nothing serious, with the reaction picker open.
    await gracePage.setViewportSize(PHONE);
    await gracePost.getByRole("button", { name: "React" }).first().click();
    expect(await gracePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(gracePage)).toEqual([]);

    // A notification email's link opens the post on its own page, its thread included.
    const postId = await gracePage.locator("[data-post-id]").first().getAttribute("data-post-id");
    await gracePage.goto(`${origin}/communities/${groupId}/posts/${postId}`);
    await gracePage.getByRole("article", { name: "New workbench" }).getByText("hard wax oil").waitFor();
    await gracePage.getByRole("link", { name: "See all posts in Workbench" }).click();
    await gracePage.getByRole("button", { name: "Start a post…" }).waitFor();

    // Grace searches the group, turns its emails off, and leaves it.
    await gracePage.keyboard.press("Escape");
    await gracePage.getByRole("searchbox", { name: "Search posts in Workbench" }).fill("oak");
    await gracePage.getByText("1 post matches “oak”.").waitFor();
    await gracePage.getByRole("searchbox", { name: "Search posts in Workbench" }).fill("walnut");
    await gracePage.getByText("No posts match “walnut”.").waitFor();
    await gracePage.getByLabel("Email me about").selectOption({ label: "No emails" });
    await gracePage.getByText("Email preference saved.").waitFor();
    await gracePage.getByRole("button", { name: "Leave group" }).click();
    await gracePage.getByRole("dialog").getByRole("button", { name: "Leave group" }).click();
    await gracePage.getByText("You left Workbench.").waitFor();
    await gracePage.getByTestId("no-groups").waitFor();
  }, 120_000);

  it("staff create a group, add a member, pin a post, and resolve the member's report", async () => {
    const business = await createBusiness(env.platform, "Reading Room");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const ada = await newContact(business, "Ada Lovelace");
    const since = Date.now() - 1000;
    await invite(business.staff, ada.id);
    const adaPage = await clientSignInFromEmail(env.browser, origin, business.staff, ada.email, since);
    await adaPage.getByRole("heading", { name: /Welcome, Ada/ }).waitFor();

    // Staff create the group in the console.
    const staffPage = await staffSignIn(env.browser, origin, business);
    await staffPage.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Communities" }).click();
    await staffPage.getByRole("link", { name: "New group" }).click();
    await staffPage.getByRole("heading", { level: 1, name: "New group" }).waitFor();
    await staffPage.getByLabel("Name").fill("Book club");
    await staffPage.getByLabel("Description").fill("One book a month.");
    await staffPage.getByRole("button", { name: "Create group" }).click();
    await staffPage.getByRole("heading", { level: 1, name: "Book club" }).waitFor();

    // …give it a cover image, uploaded through the gateway's file relay.
    await staffPage.getByRole("link", { name: "Edit group" }).click();
    await staffPage.getByRole("heading", { level: 1, name: "Edit group" }).waitFor();
    await staffPage
      .getByLabel("Choose a cover image")
      .setInputFiles([{ name: "cover.png", mimeType: "image/png", buffer: gradientPng(600, 200) }]);
    await staffPage.getByText("Cover image saved.").waitFor();
    const cover = staffPage.getByRole("img", { name: "Current cover of Book club" });
    await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 10_000 }).toBe(600);
    await staffPage.getByRole("link", { name: "Book club" }).click();
    await staffPage.getByRole("heading", { level: 1, name: "Book club" }).waitFor();

    // …add Ada (communities may learn of her a moment after identity: the search is retried).
    await staffPage.getByRole("tab", { name: "Members" }).click();
    expect(await staffPage.getByLabel("Invite contacts without portal access to the portal").isChecked()).toBe(true);
    await staffPage.getByLabel("Search contacts").fill("Ada");
    await staffPage.getByLabel(/Ada Lovelace/).check();
    await staffPage.getByRole("button", { name: "Add to group" }).click();
    await staffPage.getByText("1 member added.").waitFor();
    await staffPage.getByRole("list", { name: "Members" }).getByRole("button", { name: "Remove Ada Lovelace" }).waitFor();

    // …post in the group's feed and pin the post.
    await staffPage.getByRole("tab", { name: "Feed" }).click();
    await staffPage.getByRole("button", { name: "Start a post…" }).click();
    await staffPage.getByLabel("Title (optional)").fill("March pick");
    await staffPage.getByRole("combobox", { name: "Post", exact: true }).fill("This month we read *Middlemarch*.");
    await staffPage.getByRole("button", { name: "Publish" }).click();
    const staffPost = staffPage.getByRole("article", { name: "March pick" });
    await staffPost.getByRole("button", { name: "Pin “March pick”" }).click();
    await staffPost.getByText("Pinned", { exact: true }).waitFor();

    // More posts than one page holds: the feed loads the rest as Ada scrolls.
    const groupId = new URL(staffPage.url()).pathname.split("/").pop()!;
    for (let chapter = 1; chapter <= 11; chapter++) {
      const posted = await business.staff.data(
        `mutation($input: CreateCommunityPostInput!) { createCommunityPost(input: $input) { ${RESULT} } }`,
        { input: { groupId, title: `Chapter ${chapter}`, body: `Notes on chapter ${chapter}.` } },
      );
      expect(posted.createCommunityPost.__typename).toBe("CommunityPostSuccess");
    }

    // Ada's group list counts what is new; in the group, the pinned post is first.
    await adaPage.goto(`${origin}/communities`);
    await adaPage.getByTestId("group-unread").getByText("12 new").waitFor();
    await adaPage.getByRole("link", { name: "Book club" }).click();
    const posts = adaPage.getByRole("list", { name: "Posts in Book club" }).locator(":scope > li");
    await expect.poll(() => posts.count(), { timeout: 10_000 }).toBe(10);
    expect(await posts.first().getByRole("heading").textContent()).toBe("March pick");
    await posts.last().scrollIntoViewIfNeeded();
    await expect.poll(() => posts.count(), { timeout: 10_000 }).toBe(12);
    await adaPage.goto(`${origin}/communities`);
    await adaPage.getByRole("link", { name: "Book club" }).waitFor();
    expect(await adaPage.getByTestId("group-unread").count()).toBe(0);

    // Ada reports the pinned post.
    await openGroup(adaPage, origin, "Book club");
    const adaPost = adaPage.getByRole("article", { name: "March pick" });
    await adaPost.getByText("Pinned", { exact: true }).waitFor();
    await adaPost.getByRole("button", { name: "Report “March pick”" }).click();
    await adaPost.getByLabel("Why are you reporting this post?").fill("Spoilers in the comments, please check.");
    await adaPost.getByRole("button", { name: "Send report" }).click();
    await adaPost.getByText("Thank you. The team will review this post.").waitFor();

    // Staff see it in the reports queue and resolve it.
    await staffPage.goto(`${origin}/admin/communities`);
    await staffPage.getByRole("link", { name: /Reports/ }).click();
    const report = staffPage.getByTestId("community-report");
    await report.getByText("Spoilers in the comments, please check.").waitFor();
    await report.getByLabel("Note (optional)").fill("Checked, all fine.");
    await report.getByRole("button", { name: "Resolve report" }).click();
    await staffPage.getByText("No reports waiting. All clear.").waitFor();
    expect(await seriousViolations(staffPage)).toEqual([]);
    await staffPage.getByRole("radio", { name: "Resolved" }).check();
    await staffPage.getByTestId("community-report").getByText("Checked, all fine.").waitFor();
  }, 120_000);
});
