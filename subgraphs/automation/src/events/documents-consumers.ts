import { consumeEvents, type SubgraphDeps } from "@portal/kit";
import { requestCompletedEmails, requestDeclinedEmails, requestSignatureEmail, type DocumentEmailSettings } from "../documents/document-email.service.js";
import { DOCUMENTS_EVENTS, type DocumentCompleted, type DocumentDeclined, type SignatureRequested } from "./documents-events.js";

const CONSUMER = "automation";
const SCHEMA = "automation";

/**
 * Document emails. A handler that throws (the business isn't known here yet, the signed PDF could not
 * be fetched) rolls back and pg-boss retries with backoff.
 */
export async function consumeDocumentsEvents(deps: SubgraphDeps, settings: DocumentEmailSettings): Promise<void> {
  const { boss, orm } = deps;
  await consumeEvents<SignatureRequested>(boss, orm, SCHEMA, CONSUMER, DOCUMENTS_EVENTS.signatureRequested, (event, em) => requestSignatureEmail(em, settings, event));
  await consumeEvents<DocumentCompleted>(boss, orm, SCHEMA, CONSUMER, DOCUMENTS_EVENTS.documentCompleted, (event, em) => requestCompletedEmails(em, settings, event));
  await consumeEvents<DocumentDeclined>(boss, orm, SCHEMA, CONSUMER, DOCUMENTS_EVENTS.documentDeclined, (event, em) => requestDeclinedEmails(em, settings, event));
}
