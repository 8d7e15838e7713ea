import { OutboxEvent, ProcessedEvent, type SubgraphDefinition } from "@portal/kit";
import { AuditEntry } from "./audit/audit-entry.entity.js";
import { Document } from "./documents/document.entity.js";
import { DocumentFieldRow } from "./documents/field.entity.js";
import { Recipient } from "./documents/recipient.entity.js";
import { Migration20261201100000Documents } from "./migrations/Migration20261201100000Documents.js";
import { checkDocumentsOptions, type DocumentsOptions } from "./options.js";
import { BusinessProfile, ContactProfile, StaffProfile } from "./profiles/profile.entities.js";
import { consumeProfileEvents } from "./profiles/profile-consumers.js";
import { buildDocumentsSchema } from "./schema.js";
import { SignatureRecord } from "./signing/signature.entity.js";

export { DocumentsConfigError, type DocumentsOptions } from "./options.js";

/** Documents to sign: recipients, fields, signatures, the audit trail and the sealed PDF. */
export function createDocumentsSubgraph(options: DocumentsOptions): SubgraphDefinition {
  checkDocumentsOptions(options);
  const sealer = { certificate: async () => null };
  return {
    name: "documents",
    schema: "documents",
    entities: [Document, Recipient, DocumentFieldRow, SignatureRecord, AuditEntry, BusinessProfile, ContactProfile, StaffProfile, OutboxEvent, ProcessedEvent],
    migrations: [{ name: "Migration20261201100000Documents", class: Migration20261201100000Documents }],
    buildSchema: (deps) => buildDocumentsSchema(deps, sealer),
    startWorkers: consumeProfileEvents,
  };
}
