import type { MikroORM } from "@mikro-orm/postgresql";
import {
  OutboxEvent,
  ProcessedEvent,
  withIdentityProjection,
  type FileHandler,
  type SubgraphDefinition,
  type SubgraphDeps,
} from "@portal/kit";
import { AuditEntry } from "./audit/audit-entry.entity.js";
import { certificateSource } from "./certificate/certificate-store.js";
import { Document } from "./documents/document.entity.js";
import { DocumentFieldRow } from "./documents/field.entity.js";
import { Recipient } from "./documents/recipient.entity.js";
import { consumeEmailOutcomes } from "./events/email-finished.js";
import { documentFiles } from "./files/document-files.js";
import { startSweeper } from "./lifecycle/sweeper.js";
import { Migration20261201100000Documents } from "./migrations/Migration20261201100000Documents.js";
import { Migration20261205100000IdentityProjection } from "./migrations/Migration20261205100000IdentityProjection.js";
import { configuredCertificate, type DocumentsOptions } from "./options.js";
import { buildDocumentsSchema } from "./schema.js";
import { SignatureRecord } from "./signing/signature.entity.js";

export { readDocumentsConfig } from "./config.js";
export { DocumentsConfigError, type DocumentsOptions } from "./options.js";
export { expireDueDocuments } from "./lifecycle/expiry.js";
export { runDueReminders } from "./lifecycle/reminders.js";
export { seedDemoDocuments, type DemoDocumentsCaller, type DemoDocumentsInput } from "./seed.js";

/** Documents to sign: recipients, fields, signatures, the audit trail and the sealed PDF. */
export function createDocumentsSubgraph(options: DocumentsOptions): SubgraphDefinition {
  const configured = configuredCertificate(options);
  let orm: MikroORM | null = null;
  const certificates = certificateSource(
    configured,
    () => {
      if (!orm) throw new Error("The documents subgraph is not running");
      return orm;
    },
    options.portalSecret,
  );
  // Business names and portal addresses, recipients' names and emails: documents' copy of identity's data.
  return withIdentityProjection({
    name: "documents",
    schema: "documents",
    entities: [Document, Recipient, DocumentFieldRow, SignatureRecord, AuditEntry, OutboxEvent, ProcessedEvent],
    migrations: [
      { name: "Migration20261201100000Documents", class: Migration20261201100000Documents },
      { name: "Migration20261205100000IdentityProjection", class: Migration20261205100000IdentityProjection },
    ],
    buildSchema: (deps) => buildDocumentsSchema(deps, certificates),
    // PDFs at `/files/documents/documents/<id>/original.pdf|signed.pdf` on the gateway (upload: POST).
    files: (): Record<string, FileHandler> => ({ documents: documentFiles }),
    async startWorkers(deps: SubgraphDeps) {
      orm = deps.orm;
      await certificates.certificate(); // generated (development) or checked once, at start
      await consumeEmailOutcomes(deps);
      startSweeper(deps);
    },
  });
}
