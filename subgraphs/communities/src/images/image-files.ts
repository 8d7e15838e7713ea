import { type FileHandler, type FileRequest, type FileResponse, sql } from "@portal/kit";
import { canModerate, groupAccess } from "../groups/group-access.js";
import { CommunityGroupRow } from "../groups/group.entity.js";
import { announceFeedChange } from "../live/feed-live.js";
import { isUuid } from "../shared/ids.js";
import { CommunityImage } from "./image.entity.js";
import { inspectImage, MAX_IMAGE_BYTES } from "./image-bytes.js";
import { storeImage } from "./image.service.js";

const json = (status: number, value: unknown): FileResponse => ({
  status,
  contentType: "application/json",
  body: Buffer.from(JSON.stringify(value)),
});
const NOT_FOUND = json(404, { error: "not found" });
const fileError = (status: number, message: string) => json(status, { error: { field: "file", message } });

const GROUP_IMAGES = /^groups\/([0-9a-f-]{36})\/images$/i;
const GROUP_COVER = /^groups\/([0-9a-f-]{36})\/cover(?:\/[0-9a-f-]{36})?$/i;
const IMAGE = /^images\/([0-9a-f-]{36})$/i;
const UPLOAD_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);

/** The uploaded file's name as plain text: percent-decoded, no path, no control characters, at most 200 characters. */
export function cleanImageName(header: string | string[] | undefined): string {
  const raw = (Array.isArray(header) ? header[0] : header) ?? "";
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  return name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
}

/** Checks an upload's type, size and bytes; the image's real type comes from its bytes. */
function checkUpload(request: FileRequest) {
  const declared = String(request.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  if (!UPLOAD_TYPES.has(declared)) return fileError(415, "Upload a PNG, JPEG or WebP image.");
  const bytes = request.body ?? Buffer.alloc(0);
  if (bytes.length === 0) return fileError(400, "The file is empty.");
  if (bytes.length > MAX_IMAGE_BYTES) return fileError(413, "The image is too large (at most 5 MB).");
  const inspected = inspectImage(bytes);
  if (!inspected) return fileError(400, "This file is not a PNG, JPEG or WebP image.");
  return { bytes, inspected };
}

const imageAnswer = (image: CommunityImage) =>
  json(200, {
    id: image.id,
    url: `/files/communities/images/${image.id}`,
    name: image.name,
    contentType: image.contentType,
    width: image.width,
    height: image.height,
    size: image.size,
  });

async function imageBytes(request: FileRequest, id: string, contentType: string): Promise<FileResponse> {
  const [row] = await sql<{ bytes: Buffer }>(request.em, `select bytes from communities.image where id = ? and business_id = ?`, [
    id,
    request.caller.businessId,
  ]);
  return row ? { status: 200, contentType, body: row.bytes } : NOT_FOUND;
}

/**
 * Images through the gateway's file relay, for people who can see the group (its members, the
 * business's staff); anyone else, another business included, gets 404:
 * - POST `groups/<id>/images`: a member or staff uploads an image for a post (PNG, JPEG or WebP by its
 *   bytes, at most 5 MB) → `{ id, url, name, contentType, width, height, size }`;
 * - POST `groups/<id>/cover`: staff set the group's cover image; GET `groups/<id>/cover[/<image id>]` serves it;
 * - GET `images/<id>`: a post's image (a removed post's only for staff and its author; one not yet
 *   posted only for its uploader).
 */
const communityFiles: FileHandler = async (request) => {
  const { caller, path, em, method } = request;
  if (caller.actor.kind === "anonymous" || !caller.actor.id) return json(401, { error: "sign in to see images" });
  if (!caller.businessId) return NOT_FOUND;

  const groupImages = GROUP_IMAGES.exec(path);
  const cover = GROUP_COVER.exec(path);
  const image = IMAGE.exec(path);
  const groupId = groupImages?.[1] ?? cover?.[1] ?? null;
  if (groupId) {
    const access = await groupAccess(em, caller, groupId);
    if (!access) return NOT_FOUND;
    if (method !== "POST") {
      if (!cover || !access.group.coverImageId) return NOT_FOUND;
      const stored = await em.findOne(CommunityImage, { id: access.group.coverImageId });
      return stored ? imageBytes(request, stored.id, stored.contentType) : NOT_FOUND;
    }
    if (groupImages && !access.person) return NOT_FOUND;
    if (cover && !(canModerate(caller) && access.person)) return NOT_FOUND;
    if (cover && !path.endsWith("/cover")) return NOT_FOUND;
    if (access.group.archivedAt) return fileError(400, "The group is archived.");
    const upload = checkUpload(request);
    if (!("bytes" in upload)) return upload;
    const name = cleanImageName(request.headers["x-file-name"]);
    const stored = await em.transactional(async (tx) => {
      const saved = await storeImage(tx, access.group.businessId, access.group.id, access.person!, upload.inspected, name, upload.bytes);
      if (cover) {
        const group = await tx.findOneOrFail(CommunityGroupRow, { id: access.group.id });
        const previous = group.coverImageId;
        saved.postId = null;
        group.coverImageId = saved.id;
        group.updatedAt = new Date();
        await tx.flush();
        if (previous) await sql(tx, `delete from communities.image where id = ?`, [previous]);
        await announceFeedChange(tx, group, { kind: "GROUP_UPDATED" });
      }
      return saved;
    });
    return imageAnswer(stored);
  }

  if (image && method !== "POST" && isUuid(image[1])) {
    const stored = await em.findOne(CommunityImage, { id: image[1]! });
    if (!stored) return NOT_FOUND;
    const access = await groupAccess(em, caller, stored.groupId);
    if (!access) return NOT_FOUND;
    const own = access.person?.kind === stored.uploaderKind && access.person?.id === stored.uploaderId;
    if (stored.postId === null) {
      const isCover = access.group.coverImageId === stored.id;
      if (!isCover && !own) return NOT_FOUND;
    } else {
      const [post] = await sql<{ removed_at: Date | null }>(
        em,
        `select removed_at from communities.post where id = ? and business_id = ?`,
        [stored.postId, caller.businessId],
      );
      if (!post || (post.removed_at && !access.staff && !own)) return NOT_FOUND;
    }
    return imageBytes(request, stored.id, stored.contentType);
  }
  return NOT_FOUND;
};

/**
 * The gateway relays `/files/communities/<rest>` to this subgraph's `/files/<rest>`, whose first
 * segment names the handler: `groups` and `images`, each given the full path back.
 */
export const COMMUNITY_FILES: Record<string, FileHandler> = {
  groups: (request) => communityFiles({ ...request, path: `groups/${request.path}` }),
  images: (request) => communityFiles({ ...request, path: `images/${request.path}` }),
};
