import { ConnectionArgs, forbidden, KnownStaff, mapConnection } from "@portal/kit";
import { Args, FieldResolver, Resolver, Root } from "type-graphql";
import { DocumentView } from "../documents/document.types.js";
import { DocumentAuditAction, toApi } from "../documents/enums.js";
import { StaffRef } from "../documents/staff-ref.js";
import { AuditVerification, DocumentAuditEntry, DocumentAuditEntryConnection } from "./audit.types.js";
import type { AuditEntry } from "./audit-entry.entity.js";
import { auditPage, verifyDocumentAudit } from "./audit.service.js";

function staffOnly(document: DocumentView): void {
  if (document.viewer.audience !== "staff") throw forbidden("Only the business's staff can see the audit trail");
}

const toEntryView = (entry: AuditEntry) =>
  Object.assign(new DocumentAuditEntry(), {
    id: entry.id,
    sequence: entry.sequence,
    action: toApi<DocumentAuditAction>(entry.action),
    actorKind: entry.actorKind,
    actorName: entry.actorName,
    recipientId: entry.recipientId,
    ip: entry.ip,
    userAgent: entry.userAgent,
    details: entry.details,
    occurredAt: entry.occurredAt,
    hash: entry.hash,
    previousHash: entry.previousHash,
  });

/** Document fields loaded on demand: who sent it, and the staff-only audit trail and its check. */
@Resolver(() => DocumentView)
export class DocumentAuditResolver {
  @FieldResolver(() => StaffRef, {
    nullable: true,
    description: "The staff member who sent it (null when sent with an API key, or not sent yet).",
  })
  sentBy(@Root() document: DocumentView): StaffRef | null {
    return StaffRef.of(document.sentByStaffId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Name of the staff member who sent it, readable by every party (null when sent with an API key, or not sent yet).",
  })
  async sentByName(@Root() document: DocumentView): Promise<string | null> {
    if (!document.sentByStaffId) return null;
    return (await document.viewer.em.findOne(KnownStaff, { staffId: document.sentByStaffId }))?.name ?? null;
  }

  @FieldResolver(() => DocumentAuditEntryConnection, {
    description: "Staff only: the audit trail, oldest first (FORBIDDEN for anyone else).",
  })
  async auditTrail(@Root() document: DocumentView, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    staffOnly(document);
    return mapConnection(await auditPage(document.viewer.em, document.id, args), toEntryView);
  }

  @FieldResolver(() => AuditVerification, {
    description: "Staff only: re-checks the audit chain; an altered, missing or deleted entry makes it invalid.",
  })
  async auditVerification(@Root() document: DocumentView): Promise<AuditVerification> {
    staffOnly(document);
    const check = await verifyDocumentAudit(document.viewer.em, document.id);
    if (!check) throw new Error("Document no longer exists");
    return Object.assign(new AuditVerification(), check);
  }
}
