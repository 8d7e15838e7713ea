import "reflect-metadata";
import { buildFederatedSchema, OutboxEvent, ProcessedEvent, UserError, type SubgraphDefinition } from "@portal/kit";
import { BusinessProfile } from "./branding/business-profile.entity.js";
import { ContactProfile } from "./contacts/contact-profile.entity.js";
import { EmailLog } from "./delivery/email-log.entity.js";
import { EmailLogResolver } from "./delivery/email-log.resolver.js";
import { startSendEmailWorker } from "./delivery/send-email.worker.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./delivery/send-queue.js";
import { noSignedPdf, type SignedPdfProvider } from "./documents/signed-pdf.js";
import { consumeBillingEvents } from "./events/billing-consumers.js";
import { consumeDocumentsEvents } from "./events/documents-consumers.js";
import { consumeIdentityEvents } from "./events/identity-consumers.js";
import { noReceiptPdf, type ReceiptPdfProvider } from "./invoices/receipt-pdf.js";
import { DevMailMessage } from "./mail/dev-mail-message.entity.js";
import { devMailboxTransport } from "./mail/dev-mailbox-transport.js";
import { devMailboxResolver } from "./mail/dev-mailbox.resolver.js";
import { postmarkTransport } from "./mail/postmark-transport.js";
import { Migration20250601000000Initial } from "./migrations/Migration20250601000000Initial.js";
import { Migration20261124100000ContactsAndAttachments } from "./migrations/Migration20261124100000ContactsAndAttachments.js";
import { Migration20261201100000EmailReference } from "./migrations/Migration20261201100000EmailReference.js";
import { NotificationTemplate } from "./templates/notification-template.entity.js";
import { TemplateResolver } from "./templates/template.resolver.js";

export interface AutomationOptions {
  /** Shared secret: opens sealed links from identity events and seals queued messages. */
  portalSecret: string;
  production: boolean;
  mail: {
    /** With a token, mail goes through Postmark; without one, into the dev mailbox. */
    postmarkServerToken?: string;
    /** Postmark API base URL; only tests change it, to a local server speaking Postmark's API. */
    postmarkApiUrl?: string;
    /** Platform sending address, e.g. `Client Portal <portal@example.com>`. */
    fromAddress: string;
  };
  /** How often a temporarily failing email is retried (defaults suit production). */
  retry?: RetryPolicy;
  /** Source of receipt PDFs for payment receipts whose event carries none; defaults to sending without one. */
  receiptPdf?: ReceiptPdfProvider;
  /**
   * Source of the sealed PDF attached to the fully-signed document email (`documentsSignedPdf` fetches
   * it from the documents subgraph); defaults to sending without one.
   */
  signedPdf?: SignedPdfProvider;
}

/** Notification templates, the email log and delivery (Postmark or the dev mailbox). */
export function createAutomationSubgraph(options: AutomationOptions): SubgraphDefinition {
  const retry = options.retry ?? DEFAULT_RETRY;
  return {
    name: "automation",
    schema: "automation",
    entities: [OutboxEvent, ProcessedEvent, BusinessProfile, ContactProfile, NotificationTemplate, EmailLog, DevMailMessage],
    migrations: [
      { name: "Migration20250601000000Initial", class: Migration20250601000000Initial },
      { name: "Migration20261124100000ContactsAndAttachments", class: Migration20261124100000ContactsAndAttachments },
      { name: "Migration20261201100000EmailReference", class: Migration20261201100000EmailReference },
    ],
    buildSchema: () =>
      buildFederatedSchema({ resolvers: [TemplateResolver, EmailLogResolver, devMailboxResolver(options.production)], orphanedTypes: [UserError] }),
    async startWorkers(deps) {
      const { postmarkServerToken, postmarkApiUrl, fromAddress } = options.mail;
      const transport = postmarkServerToken
        ? postmarkTransport({ serverToken: postmarkServerToken, apiUrl: postmarkApiUrl })
        : devMailboxTransport(deps.orm);
      const delivery = { boss: deps.boss, portalSecret: options.portalSecret, fromAddress, retry };
      await consumeIdentityEvents(deps, delivery);
      await consumeBillingEvents(deps, { ...delivery, receiptPdf: options.receiptPdf ?? noReceiptPdf });
      await consumeDocumentsEvents(deps, { ...delivery, signedPdf: options.signedPdf ?? noSignedPdf });
      await startSendEmailWorker({ orm: deps.orm, boss: deps.boss, transport, portalSecret: options.portalSecret, retry });
    },
  };
}
export { billingReceiptPdf } from "./invoices/billing-receipt-pdf.js";
export { documentsSignedPdf, type SignedPdfProvider } from "./documents/signed-pdf.js";
