import { serverMessage, UNREACHABLE_MESSAGE, uploadWithProgress } from "../../../shared/uploadWithProgress";

/** What the server accepts for a post's image (it checks the bytes again). */
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"];
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_POST_IMAGES = 4;

export interface UploadedImage {
  id: string;
  url: string;
  name: string;
  width: number;
  height: number;
}

export type ImageUploadOutcome = { ok: true; image: UploadedImage } | { ok: false; message: string };

/** Checks done in the browser before anything is sent. */
export function checkImageFile(file: File): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return `${file.name} is not a PNG, JPEG or WebP image.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_IMAGE_BYTES) return `${file.name} is larger than 5 MB.`;
  return null;
}

/**
 * Uploads an image through the gateway's file relay (`POST /files/communities/<path>`), reporting
 * progress from 0 to 1. `path` is `groups/<id>/images` for a post, `groups/<id>/cover` for a cover.
 */
export async function uploadCommunityImage(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ImageUploadOutcome> {
  const local = checkImageFile(file);
  if (local) return { ok: false, message: local };
  const answer = await uploadWithProgress(`/files/communities/${path}`, file, onProgress, signal);
  if (answer.kind === "unreachable") return { ok: false, message: UNREACHABLE_MESSAGE };
  if (answer.kind === "cancelled") return { ok: false, message: "The upload was cancelled." };
  const { status, body } = answer;
  if (status === 200 && body && typeof body.id === "string") {
    onProgress(1);
    const image = {
      id: body.id,
      url: String(body.url),
      name: String(body.name ?? file.name),
      width: Number(body.width ?? 0),
      height: Number(body.height ?? 0),
    };
    return { ok: true, image };
  }
  return { ok: false, message: serverMessage(body) ?? failureMessage(status) };
}

function failureMessage(status: number): string {
  switch (status) {
    case 401:
      return "Your session has ended. Sign in again, then add the image.";
    case 404:
      return "This group is no longer available to you.";
    case 413:
      return "The image is too large (at most 5 MB).";
    case 415:
      return "Upload a PNG, JPEG or WebP image.";
    default:
      return `The upload failed (HTTP ${status}). Please try again.`;
  }
}
