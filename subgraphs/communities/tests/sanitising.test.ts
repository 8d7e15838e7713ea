import type { RunningSubgraphProcess } from "@portal/kit";
import { forkFor, sql } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderBody } from "../src/feed/markdown.js";
import { fileRequest, gql, groupWith, newTenant, OPS, ok, startCommunities, type Tenant, tinyPng } from "./helpers.js";

/** Classic XSS payloads, in Markdown and raw HTML, that must come out inert. */
export const XSS_PAYLOADS = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `<svg onload=alert(1)>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<a href="javascript:alert(1)">click</a>`,
  `[click](javascript:alert(1))`,
  `[click](JaVaScRiPt:alert(1))`,
  `[click](&#106;avascript:alert(1))`,
  `[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![x](javascript:alert(1))`,
  `<div style="background:url(javascript:alert(1))">x</div>`,
  `<style>body{display:none}</style>`,
  `<a href="https://example.com" onclick="alert(1)">x</a>`,
  `<p onmouseover="alert(1)">hover</p>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="javascript:alert(1)">`,
  `<form action="javascript:alert(1)"><button>x</button></form>`,
  `<body onload=alert(1)>`,
  `<a href="  javascript:alert(1)">x</a>`,
  `<a href="vbscript:msgbox(1)">x</a>`,
  `"><script>alert(1)</script>`,
  `<scr<script>ipt>alert(1)</script>`,
  `<a class="mention" href="javascript:alert(1)" data-person-id="x">@x</a>`,
  "```\n<script>alert(1)</script>\n```",
  `<details open ontoggle=alert(1)>`,
  `<input autofocus onfocus=alert(1)>`,
  `<base href="javascript:alert(1)//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
];

/** Inert: no executable tag, no event attribute, no script URL, no style (text escaped is fine). */
function expectInert(html: string, payload: string) {
  const lower = html.toLowerCase();
  expect(lower, payload).not.toMatch(/<(script|style|iframe|img|svg|object|embed|form|input|body|math|meta|base|details|button)\b/);
  expect(lower, payload).not.toMatch(/\son[a-z]+\s*=/);
  expect(lower, payload).not.toMatch(/(href|src|action|data)\s*=\s*"?\s*(javascript|vbscript|data):/);
  expect(lower, payload).not.toMatch(/\sstyle\s*=/);
}

describe("sanitised HTML", () => {
  let communities: RunningSubgraphProcess;
  let a: Tenant;
  let groupId: string;
  beforeAll(async () => {
    communities = await startCommunities();
    a = await newTenant(communities);
    groupId = await groupWith(communities, a, [a.contacts[0]!]);
  });
  afterAll(async () => {
    await communities?.stop();
  });

  it("renders every payload inert (the renderer alone)", () => {
    for (const payload of XSS_PAYLOADS) expectInert(renderBody(payload).html, payload);
    // Ordinary Markdown survives, links get safe attributes.
    expect(renderBody("[site](https://example.com) and `code`").html).toBe(
      '<p><a href="https://example.com" rel="nofollow noopener noreferrer ugc" target="_blank">site</a> and <code>code</code></p>',
    );
  });

  it("stores and serves inert HTML for bodies, comments, titles and image names", async () => {
    const ada = a.contacts[0]!;
    for (const payload of XSS_PAYLOADS) {
      const upload = await fileRequest(communities, ada.caller, `groups/${groupId}/images`, {
        method: "POST",
        body: tinyPng(),
        headers: { "content-type": "image/png", "x-file-name": encodeURIComponent(payload) },
      });
      expect(upload.status).toBe(200);
      const image = (await upload.json()) as { id: string; name: string };
      const post = ok(
        (
          await gql(communities, ada.caller, OPS.createPost, {
            input: { groupId, title: payload.replace(/\n/g, " "), body: payload, imageIds: [image.id] },
          })
        ).createCommunityPost,
        "post",
      );
      expectInert(post.html, payload);
      const comment = ok(
        (await gql(communities, ada.caller, OPS.comment, { input: { postId: post.id, body: payload } })).createCommunityComment,
        "comment",
      );
      expectInert(comment.html, payload);
      // Titles and image names are plain text: kept as written, never put into the HTML.
      expect(post.title).toBe(payload.replace(/\s+/g, " ").trim());
      expect(post.images[0].name).toBe(
        payload
          .replace(/[\u0000-\u001f]/g, "")
          .split(/[\\/]/)
          .pop()!
          .trim(),
      );

      const [stored] = await sql<{ body_html: string }>(
        forkFor(communities.orm, a.businessId),
        `select body_html from communities.post where id = ?`,
        [post.id],
      );
      expectInert(stored!.body_html, payload);
      const [storedComment] = await sql<{ body_html: string }>(
        forkFor(communities.orm, a.businessId),
        `select body_html from communities.comment where id = ?`,
        [comment.id],
      );
      expectInert(storedComment!.body_html, payload);
    }
    // The image itself is served as the image type its bytes are, whatever its name said.
    const feed = await gql(communities, ada.caller, OPS.feed, { id: groupId, first: 1 });
    const served = await fileRequest(communities, ada.caller, `images/${feed.communityGroup.feed.edges[0].node.images[0].id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("content-disposition")).toBeNull();
  });
});
