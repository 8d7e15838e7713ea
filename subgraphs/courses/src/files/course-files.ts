import { type Caller, type FileHandler, type FileRequest, type FileResponse, isStaffReader, KnownBusiness, sql } from "@portal/kit";
import { renderCertificatePdf } from "../certificates/certificate-pdf.js";
import { readableCertificate } from "../certificates/certificate.service.js";
import { CourseRow } from "../courses/course.entity.js";
import { LessonLockedError } from "../courses/course.errors.js";
import { CourseFileRow, LessonRow } from "../lessons/lesson.entity.js";
import { loadCourseAccess } from "../player/course-access.js";
import { recordProgress } from "../progress/progress.service.js";
import { isUuid } from "../shared/ids.js";

/** A download lesson's file may be this large. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
/** A course's cover image may be this large. */
export const MAX_COVER_BYTES = 5 * 1024 * 1024;

const json = (status: number, value: unknown): FileResponse => ({
  status,
  contentType: "application/json",
  body: Buffer.from(JSON.stringify(value)),
});
const NOT_FOUND = json(404, { error: "not found" });
const fileError = (status: number, message: string) => json(status, { error: { field: "file", message } });

const COVER = /^courses\/([0-9a-f-]{36})\/cover$/i;
const LESSON_FILES = /^lessons\/([0-9a-f-]{36})\/files$/i;
const FILE = /^files\/([0-9a-f-]{36})$/i;
const CERTIFICATE = /^certificates\/([0-9a-f-]{36})\.pdf$/i;

/** Types a browser form can send without a preflight: never accepted, so a cross-site form cannot upload (CSRF). */
const SIMPLE_TYPES = new Set(["text/plain", "multipart/form-data", "application/x-www-form-urlencoded", ""]);
const COVER_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);

const canWrite = (caller: Caller) =>
  caller.actor.kind === "staff" || (caller.actor.kind === "apiKey" && Boolean(caller.actor.scopes?.includes("write")));

/** The uploaded file's name as plain text: percent-decoded, no path, no control characters, at most 200 characters. */
export function cleanFileName(header: string | string[] | undefined, fallback: string): string {
  const raw = (Array.isArray(header) ? header[0] : header) ?? "";
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  const cleaned = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}

const declaredType = (request: FileRequest) =>
  String(request.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();

/** The image's real type from its first bytes (PNG, JPEG, WebP), or null. */
function imageTypeOf(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex"))) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp";
  return null;
}

async function bytesOf(request: FileRequest, id: string): Promise<Buffer | null> {
  const [row] = await sql<{ bytes: Buffer }>(request.em, `select bytes from courses.course_file where id = ? and business_id = ?`, [
    id,
    request.caller.businessId,
  ]);
  return row?.bytes ?? null;
}

async function cover(request: FileRequest, courseId: string): Promise<FileResponse> {
  const { em, caller, method } = request;
  if (method === "POST") {
    if (!canWrite(caller)) return NOT_FOUND;
    const course = await em.findOne(CourseRow, { id: courseId });
    if (!course) return NOT_FOUND;
    if (!COVER_TYPES.has(declaredType(request))) return fileError(415, "Upload a PNG, JPEG or WebP image.");
    const bytes = request.body ?? Buffer.alloc(0);
    if (bytes.length === 0) return fileError(400, "The file is empty.");
    if (bytes.length > MAX_COVER_BYTES) return fileError(413, "The image is too large (at most 5 MB).");
    const type = imageTypeOf(bytes);
    if (!type) return fileError(400, "This file is not a PNG, JPEG or WebP image.");
    const stored = await em.transactional(async (tx) => {
      const file = tx.create(CourseFileRow, {
        businessId: course.businessId,
        courseId: course.id,
        purpose: "cover",
        name: cleanFileName(request.headers["x-file-name"], "cover"),
        contentType: type,
        size: bytes.length,
        bytes,
      } as CourseFileRow);
      await tx.flush();
      const previous = course.coverFileId;
      await sql(tx, `update courses.course set cover_file_id = ?, updated_at = now() where id = ? and business_id = ?`, [
        file.id,
        course.id,
        course.businessId,
      ]);
      if (previous) await sql(tx, `delete from courses.course_file where id = ? and business_id = ?`, [previous, course.businessId]);
      return file;
    });
    return json(200, {
      id: stored.id,
      url: `/files/courses/courses/${course.id}/cover?v=${stored.id}`,
      contentType: stored.contentType,
      size: stored.size,
    });
  }
  const access = await loadCourseAccess(em, caller, courseId);
  const fileId = access?.tree.course.coverFileId;
  if (!fileId) return NOT_FOUND;
  const file = await em.findOne(CourseFileRow, { id: fileId }, { fields: ["id", "contentType"] as never });
  const bytes = file ? await bytesOf(request, file.id) : null;
  return file && bytes ? { status: 200, contentType: file.contentType, body: bytes } : NOT_FOUND;
}

async function uploadDownload(request: FileRequest, lessonId: string): Promise<FileResponse> {
  const { em, caller } = request;
  if (!canWrite(caller)) return NOT_FOUND;
  const lesson = await em.findOne(LessonRow, { id: lessonId });
  if (!lesson) return NOT_FOUND;
  if (lesson.kind !== "download") return fileError(400, "Files go in download lessons.");
  const type = declaredType(request);
  if (SIMPLE_TYPES.has(type) || !/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type))
    return fileError(415, "Send the file with its own content type (e.g. application/pdf).");
  const bytes = request.body ?? Buffer.alloc(0);
  if (bytes.length === 0) return fileError(400, "The file is empty.");
  if (bytes.length > MAX_DOWNLOAD_BYTES) return fileError(413, "The file is too large (at most 20 MB).");
  // One statement, not the unit of work, which would copy and compare the bytes.
  const name = cleanFileName(request.headers["x-file-name"], "download");
  const [stored] = await sql<{ id: string }>(
    em,
    `insert into courses.course_file (business_id, course_id, lesson_id, purpose, name, content_type, size, position, bytes)
     select ?, ?, ?, 'download', ?, ?, ?, coalesce(max(position), 0) + 1, ? from courses.course_file where lesson_id = ? and business_id = ?
     returning id`,
    [lesson.businessId, lesson.courseId, lesson.id, name, type, bytes.length, bytes, lesson.id, lesson.businessId],
  );
  await sql(em, `update courses.course set updated_at = now() where id = ? and business_id = ?`, [lesson.courseId, lesson.businessId]);
  return json(200, { id: stored!.id, name, contentType: type, size: bytes.length, url: `/files/courses/files/${stored!.id}` });
}

/** A download: staff any of their business's; a student only once the lesson is open for them (and it completes the lesson). */
async function download(request: FileRequest, fileId: string): Promise<FileResponse> {
  const { em, caller } = request;
  const file = await em.findOne(
    CourseFileRow,
    { id: fileId, purpose: "download" },
    { fields: ["id", "lessonId", "courseId", "name", "contentType"] as never },
  );
  if (!file?.lessonId) return NOT_FOUND;
  if (!isStaffReader(caller)) {
    const recorded = await recordProgress(em, caller, file.lessonId, { kind: "download" });
    if (!("access" in recorded))
      return recorded instanceof LessonLockedError ? json(403, { error: "This lesson is not available yet." }) : NOT_FOUND;
  } else if (!(await em.findOne(CourseRow, { id: file.courseId }))) return NOT_FOUND;
  const bytes = await bytesOf(request, file.id);
  return bytes ? { status: 200, contentType: file.contentType, fileName: file.name, body: bytes } : NOT_FOUND;
}

async function certificate(request: FileRequest, id: string): Promise<FileResponse> {
  const row = await readableCertificate(request.em, request.caller, id);
  if (!row) return NOT_FOUND;
  const business = await request.em.findOne(KnownBusiness, { businessId: row.businessId });
  const portalUrl = (business?.portalUrl ?? "").replace(/\/$/, "");
  const body = await renderCertificatePdf({
    businessName: business?.displayName || business?.name || "",
    logoUrl: business?.logoUrl ?? null,
    primaryColor: business?.primaryColor ?? "#2563eb",
    accentColor: business?.accentColor ?? "#f59e0b",
    studentName: row.studentName,
    courseTitle: row.courseTitle,
    issuedAt: row.issuedAt,
    code: row.code,
    verificationUrl: `${portalUrl}/certificates/verify/${encodeURIComponent(row.code)}`,
  });
  const safeTitle =
    row.courseTitle
      .replace(/[^A-Za-z0-9 ._-]/g, "")
      .trim()
      .slice(0, 80) || "course";
  return { status: 200, contentType: "application/pdf", fileName: `Certificate - ${safeTitle}.pdf`, body };
}

/**
 * Files through the gateway's relay (`/files/courses/...`); anyone who may not see the thing, another
 * business included, gets 404:
 * - POST/GET `courses/<id>/cover`: staff set a course's cover (PNG, JPEG or WebP by its bytes, at
 *   most 5 MB); staff and its enrolled students see it;
 * - POST `lessons/<id>/files`: staff add a file to a download lesson (any non-form content type, at
 *   most 20 MB) → `{ id, name, contentType, size, url }`;
 * - GET `files/<id>`: the file, for staff, or a student once the lesson is open for them (403 while
 *   locked); a student's download completes the lesson;
 * - GET `certificates/<id>.pdf`: the certificate PDF, for staff and its student.
 */
export const courseFiles: FileHandler = async (request) => {
  const { caller, path, method } = request;
  if (caller.actor.kind === "anonymous" || !caller.actor.id) return json(401, { error: "sign in to see course files" });
  if (!caller.businessId) return NOT_FOUND;
  const coverMatch = COVER.exec(path);
  if (coverMatch && isUuid(coverMatch[1])) return cover(request, coverMatch[1]!);
  const lessonFiles = LESSON_FILES.exec(path);
  if (lessonFiles && method === "POST" && isUuid(lessonFiles[1])) return uploadDownload(request, lessonFiles[1]!);
  if (method === "POST") return NOT_FOUND;
  const fileMatch = FILE.exec(path);
  if (fileMatch && isUuid(fileMatch[1])) return download(request, fileMatch[1]!);
  const certificateMatch = CERTIFICATE.exec(path);
  if (certificateMatch && isUuid(certificateMatch[1])) return certificate(request, certificateMatch[1]!);
  return NOT_FOUND;
};

/**
 * The gateway relays `/files/courses/<rest>` to this subgraph's `/files/<rest>`, whose first segment
 * names the handler: `courses`, `lessons`, `files` and `certificates`, each given the full path back.
 */
export const COURSE_FILES: Record<string, FileHandler> = Object.fromEntries(
  ["courses", "lessons", "files", "certificates"].map((name) => [
    name,
    (request: FileRequest) => courseFiles({ ...request, path: `${name}/${request.path}` }),
  ]),
);
