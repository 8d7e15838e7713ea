import { serverMessage, UNREACHABLE_MESSAGE, uploadWithProgress } from "../../../shared/uploadWithProgress";

export interface UploadedCourseFile {
  id: string;
  url: string;
  name: string;
}

export type CourseUploadOutcome = { ok: true; file: UploadedCourseFile } | { ok: false; message: string };

/** Types the gateway's file relay accepts (never a "simple" form type: the CSRF guard). */
export const COVER_TYPES = ["image/png", "image/jpeg", "image/webp"];
export const DOWNLOAD_TYPES = ["application/pdf", ...COVER_TYPES];
export const MAX_COVER_BYTES = 5 * 1024 * 1024;
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Uploads a file through the gateway's relay (`POST /files/courses/<path>`): `courses/<id>/cover`
 * for a cover, `lessons/<id>/files` for a download lesson's file, with progress from 0 to 1.
 */
export async function uploadCourseFile(
  path: string,
  file: File,
  limits: { types: string[]; maxBytes: number },
  onProgress: (fraction: number) => void,
): Promise<CourseUploadOutcome> {
  if (!limits.types.includes(file.type))
    return {
      ok: false,
      message: `${file.name}: upload ${limits.types.includes("application/pdf") ? "a PDF or " : "a "}PNG, JPEG or WebP image.`,
    };
  if (file.size === 0) return { ok: false, message: `${file.name} is empty.` };
  if (file.size > limits.maxBytes) return { ok: false, message: `${file.name} is larger than ${limits.maxBytes / (1024 * 1024)} MB.` };
  const answer = await uploadWithProgress(`/files/courses/${path}`, file, onProgress);
  if (answer.kind !== "answered") return { ok: false, message: UNREACHABLE_MESSAGE };
  const { status, body } = answer;
  if (status === 200 && body && typeof body.id === "string") {
    onProgress(1);
    return { ok: true, file: { id: body.id, url: String(body.url ?? ""), name: String(body.name ?? file.name) } };
  }
  const message =
    serverMessage(body) ??
    (status === 401
      ? "Your session has ended. Sign in again, then upload the file."
      : status === 413
        ? "The file is too large."
        : `The upload failed (HTTP ${status}). Please try again.`);
  return { ok: false, message };
}
