import { type EntityManager, sql, ValidationError } from "@portal/kit";
import type { Post } from "../feed/post.entity.js";
import type { Person } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { CommunityImage } from "./image.entity.js";
import type { InspectedImage } from "./image-bytes.js";

export const MAX_IMAGES_PER_POST = 4;

/** Stores checked bytes as an image of the group, not yet part of any post. */
export async function storeImage(
  em: EntityManager,
  businessId: string,
  groupId: string,
  uploader: Person,
  inspected: InspectedImage,
  name: string,
  bytes: Buffer,
): Promise<CommunityImage> {
  const image = em.create(CommunityImage, {
    businessId,
    groupId,
    uploaderKind: uploader.kind,
    uploaderId: uploader.id,
    contentType: inspected.contentType,
    width: inspected.width,
    height: inspected.height,
    size: bytes.length,
    name,
  } as CommunityImage);
  await em.flush();
  await sql(em, `update communities.image set bytes = ? where id = ?`, [bytes, image.id]);
  return image;
}

/**
 * Gives a post its images, in order: images the same person uploaded to the same group that no other
 * post holds (or this post's own). Images the post no longer lists are deleted.
 */
export async function attachImages(
  em: EntityManager,
  post: Post,
  person: Person,
  imageIds: readonly string[],
): Promise<ValidationError | null> {
  const ids = [...new Set(imageIds)];
  if (ids.length > MAX_IMAGES_PER_POST) return ValidationError.of("imageIds", `At most ${MAX_IMAGES_PER_POST} images per post`);
  const images = ids.length ? await em.find(CommunityImage, { id: { $in: ids.filter((id) => isUuid(id)) }, groupId: post.groupId }) : [];
  const byId = new Map(images.map((image) => [image.id, image]));
  for (const [index, id] of ids.entries()) {
    const image = byId.get(id);
    const usable =
      image &&
      (image.postId === post.id || (image.postId === null && image.uploaderKind === person.kind && image.uploaderId === person.id));
    if (!usable) return ValidationError.of(`imageIds.${index}`, "No such image uploaded to this group");
  }
  const dropped = await em.find(CommunityImage, {
    postId: post.id,
    id: { $nin: ids.length ? ids : ["00000000-0000-0000-0000-000000000000"] },
  });
  for (const image of dropped) em.remove(image);
  for (const [index, id] of ids.entries()) Object.assign(byId.get(id)!, { postId: post.id, position: index });
  await em.flush();
  return null;
}
