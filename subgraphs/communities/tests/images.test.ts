import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectImage } from "../src/images/image-bytes.js";
import { fileRequest, gql, groupWith, newTenant, OPS, startCommunities, type Tenant, tinyJpeg, tinyPng, tinyWebp } from "./helpers.js";

describe("post images and covers", () => {
  let communities: RunningSubgraphProcess;
  let a: Tenant;
  let groupId: string;
  beforeAll(async () => {
    communities = await startCommunities();
    a = await newTenant(communities);
    groupId = await groupWith(communities, a, [a.contacts[0]!, a.contacts[1]!], "Pictures");
  });
  afterAll(async () => {
    await communities?.stop();
  });

  const upload = (caller = a.contacts[0]!.caller, body: Uint8Array = tinyPng(), type = "image/png", path = `groups/${groupId}/images`) =>
    fileRequest(communities, caller, path, { method: "POST", body, headers: { "content-type": type, "x-file-name": "photo.png" } });

  it("recognises PNG, JPEG and WebP by their bytes", () => {
    expect(inspectImage(tinyPng())).toEqual({ contentType: "image/png", width: 1, height: 1 });
    expect(inspectImage(tinyJpeg())).toEqual({ contentType: "image/jpeg", width: 1, height: 1 });
    expect(inspectImage(tinyWebp())).toEqual({ contentType: "image/webp", width: 1, height: 1 });
    expect(inspectImage(Buffer.from("<svg onload=alert(1)>"))).toBeNull();
    expect(inspectImage(tinyPng().subarray(0, 40))).toBeNull(); // truncated
  });

  it("takes images whose bytes are PNG, JPEG or WebP, up to 5 MB, and refuses the rest", async () => {
    for (const [bytes, type] of [
      [tinyPng(), "image/png"],
      [tinyJpeg(), "image/jpeg"],
      [tinyWebp(), "image/webp"],
    ] as const) {
      const response = await upload(undefined, bytes, type);
      expect(response.status, type).toBe(200);
      expect(await response.json()).toMatchObject({ contentType: type, width: 1, height: 1, name: "photo.png" });
    }
    // The declared type does not decide: the bytes do.
    const mislabelled = await upload(undefined, tinyJpeg(), "image/png");
    expect((await mislabelled.json()).contentType).toBe("image/jpeg");
    const html = await upload(undefined, Buffer.from("<html><script>alert(1)</script></html>"), "image/png");
    expect(html.status).toBe(400);
    expect((await html.json()).error.field).toBe("file");
    expect((await upload(undefined, tinyPng(), "image/svg+xml")).status).toBe(415);
    const huge = Buffer.concat([tinyPng().subarray(0, 33), Buffer.alloc(5 * 1024 * 1024), tinyPng().subarray(-12)]);
    expect((await upload(undefined, huge)).status).toBe(413);
  });

  it("puts at most 4 of one's own uploads on a post; others' images and non-members are refused", async () => {
    const [ada, grace, alan] = a.contacts as [any, any, any];
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push(((await (await upload(ada.caller)).json()) as { id: string }).id);
    const tooMany = await gql(communities, ada.caller, OPS.createPost, { input: { groupId, body: "pics", imageIds: ids } });
    expect(tooMany.createCommunityPost).toMatchObject({ __typename: "ValidationError", field: "imageIds" });
    const created = await gql(communities, ada.caller, OPS.createPost, { input: { groupId, body: "pics", imageIds: ids.slice(0, 4) } });
    expect(created.createCommunityPost.post.images.map((image: any) => image.id)).toEqual(ids.slice(0, 4));
    // Grace cannot post Ada's unused upload; a contact who is not a member cannot upload or see.
    const stolen = await gql(communities, grace.caller, OPS.createPost, { input: { groupId, body: "mine", imageIds: [ids[4]] } });
    expect(stolen.createCommunityPost).toMatchObject({ __typename: "ValidationError", field: "imageIds.0" });
    expect((await fileRequest(communities, grace.caller, `images/${ids[4]}`)).status).toBe(404); // not posted: only its uploader
    expect((await fileRequest(communities, grace.caller, `images/${ids[0]}`)).status).toBe(200);
    expect((await upload(alan.caller)).status).toBe(404);
    expect((await fileRequest(communities, alan.caller, `images/${ids[0]}`)).status).toBe(404);
    // Editing the post drops an image it no longer lists.
    const edited = await gql(communities, ada.caller, OPS.updatePost, {
      id: created.createCommunityPost.post.id,
      input: { body: "fewer", imageIds: [ids[1]] },
    });
    expect(edited.updateCommunityPost.post.images.map((image: any) => image.id)).toEqual([ids[1]]);
    expect((await fileRequest(communities, ada.caller, `images/${ids[0]}`)).status).toBe(404);
  });

  it("staff set a group's cover; members see it, contacts cannot set it", async () => {
    const [ada] = a.contacts as [any];
    expect((await upload(ada.caller, tinyPng(), "image/png", `groups/${groupId}/cover`)).status).toBe(404);
    const set = await upload(a.owner.caller, tinyJpeg(), "image/jpeg", `groups/${groupId}/cover`);
    expect(set.status).toBe(200);
    const group = await gql(communities, ada.caller, `query($id: ID!) { communityGroup(id: $id) { coverImageUrl } }`, { id: groupId });
    expect(group.communityGroup.coverImageUrl).toMatch(new RegExp(`^/files/communities/groups/${groupId}/cover/`));
    const cover = await fileRequest(communities, ada.caller, `groups/${groupId}/cover`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get("content-type")).toBe("image/jpeg");
    const removeCover = `mutation($id: ID!) { removeCommunityGroupCover(id: $id) { __typename ... on CommunityGroupSuccess { group { coverImageUrl } } } }`;
    expect((await gql(communities, ada.caller, removeCover, { id: groupId }).catch((error: Error) => error.message)) as string).toMatch(
      /Staff access required/,
    );
    expect((await gql(communities, a.owner.caller, removeCover, { id: groupId })).removeCommunityGroupCover.group.coverImageUrl).toBeNull();
    expect((await fileRequest(communities, ada.caller, `groups/${groupId}/cover`)).status).toBe(404);
  });
});
