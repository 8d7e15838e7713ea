import type { MikroORM } from "@mikro-orm/postgresql";
import { OutboxEvent, ProcessedEvent, type FileHandler, type SubgraphDefinition, type SubgraphDeps } from "@portal/kit";
import { AuditEntry } from "./audit/audit-entry.entity.js";
import { certificateSource } from "./certificate/certificate-store.js";
import { Document } from "./documents/document.entity.js";
import { DocumentFieldRow } from "./documents/field.entity.js";
import { Recipient } from "./documents/recipient.entity.js";
import { consumeEmailOutcomes } from "./events/email-finished.js";
import { documentFiles } from "./files/document-files.js";
import { startSweeper } from "./lifecycle/sweeper.js";
import { Migration20261201100000Documents } from "./migrations/Migration20261201100000Documents.js";
import { configuredCertificate, type DocumentsOptions } from "./options.js";
import { BusinessProfile, ContactProfile, StaffProfile } from "./profiles/profile.entities.js";
import { consumeProfileEvents } from "./profiles/profile-consumers.js";
import { buildDocumentsSchema } from "./schema.js";
import { SignatureRecord } from "./signing/signature.entity.js";

export { DocumentsConfigError, type DocumentsOptions } from "./options.js";
export { expireDueDocuments } from "./lifecycle/expiry.js";
export { runDueReminders } from "./lifecycle/reminders.js";

/** Documents to sign: recipients, fields, signatures, the audit trail and the sealed PDF. */
export function createDocumentsSubgraph(options: DocumentsOptions): SubgraphDefinition {
  const configured = configuredCertificate(options);
  let orm: MikroORM | null = null;
  const certificates = certificateSource(configured, () => {
    if (!orm) throw new Error("The documents subgraph is not running");
    return orm;
  }, options.portalSecret);
  return {
    name: "documents",
    schema: "documents",
    entities: [Document, Recipient, DocumentFieldRow, SignatureRecord, AuditEntry, BusinessProfile, ContactProfile, StaffProfile, OutboxEvent, ProcessedEvent],
    migrations: [{ name: "Migration20261201100000Documents", class: Migration20261201100000Documents }],
    buildSchema: (deps) => buildDocumentsSchema(deps, certificates),
    // PDFs at `/files/documents/documents/<id>/original.pdf|signed.pdf` on the gateway (upload: POST).
    files: (): Record<string, FileHandler> => ({ documents: documentFiles }),
    async startWorkers(deps: SubgraphDeps) {
      orm = deps.orm;
      await certificates.certificate(); // generated (development) or checked once, at start
      await consumeProfileEvents(deps);
      await consumeEmailOutcomes(deps);
      startSweeper(deps);
    },
  };
}
