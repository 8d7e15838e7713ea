import { type Caller, type Connection, type EntityManager, NotFoundError, type PageArgs, findPage, ValidationError } from "@portal/kit";
import { deletePost, readablePost } from "../feed/post.service.js";
import { contactIdOf } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { Report } from "./report.entity.js";

/** A member reports a post they can see (not their own) with a reason; staff find it in their queue. */
export async function reportPost(
  em: EntityManager,
  caller: Caller,
  postId: string,
  reasonInput: string,
): Promise<Report | ValidationError | NotFoundError> {
  const reason = reasonInput.trim();
  if (!reason || reason.length > 1000) return ValidationError.of("reason", "Say why in 1–1000 characters");
  const contactId = contactIdOf(caller);
  const found = contactId ? await readablePost(em, caller, postId) : null;
  if (!found || found.post.removedAt) return NotFoundError.of("No such post");
  const report = em.create(Report, {
    businessId: found.post.businessId,
    groupId: found.post.groupId,
    postId: found.post.id,
    reporterContactId: contactId!,
    reason,
  } as Report);
  await em.flush();
  return report;
}

export async function listReports(
  em: EntityManager,
  args: PageArgs & { status?: "open" | "resolved" | null; groupId?: string | null },
): Promise<Connection<Report>> {
  const where: Record<string, unknown> = {};
  if (args.status === "open") where.resolvedAt = null;
  if (args.status === "resolved") where.resolvedAt = { $ne: null };
  if (args.groupId) where.groupId = isUuid(args.groupId) ? args.groupId : "00000000-0000-0000-0000-000000000000";
  return findPage(em, Report, where, "createdAt", args, "desc");
}

/** Staff resolve a report, optionally deleting the post as a moderator in the same step. */
export async function resolveReport(
  em: EntityManager,
  caller: Caller,
  reportId: string,
  input: { resolution?: string | null; removePost?: boolean | null },
): Promise<Report | ValidationError | NotFoundError> {
  const resolution = input.resolution?.trim() || null;
  if (resolution && resolution.length > 1000) return ValidationError.of("resolution", "At most 1000 characters");
  return em.transactional(async (tx) => {
    const report = isUuid(reportId) ? await tx.findOne(Report, { id: reportId }) : null;
    if (!report) return NotFoundError.of("No such report");
    if (input.removePost) {
      const removed = await deletePost(tx, caller, report.postId);
      if (removed instanceof NotFoundError) return removed;
    }
    if (!report.resolvedAt) {
      report.resolvedAt = new Date();
      report.resolvedByStaffId = caller.actor.kind === "staff" ? caller.actor.id : null;
      report.resolution = resolution;
      await tx.flush();
    }
    return report;
  });
}
