import "reflect-metadata";
import { OutboxEvent, ProcessedEvent, withIdentityProjection, type SubgraphDefinition } from "@portal/kit";
import { EmailLog } from "./delivery/email-log.entity.js";
import { startSendEmailWorker } from "./delivery/send-email.worker.js";
import { DEFAULT_RETRY } from "./delivery/send-queue.js";
import { noSignedPdf } from "./documents/signed-pdf.js";
import { consumeAffiliatesEvents } from "./events/affiliates-consumers.js";
import { consumeAppointmentsEvents } from "./events/appointments-consumers.js";
import { consumeBillingEvents } from "./events/billing-consumers.js";
import { consumeCommunitiesEvents } from "./events/communities-consumers.js";
import { consumeCoursesEvents } from "./events/courses-consumers.js";
import { consumeDocumentsEvents } from "./events/documents-consumers.js";
import { consumeLinkEmailRequests } from "./events/link-email-consumers.js";
import { noReceiptPdf } from "./invoices/receipt-pdf.js";
import { DevMailMessage } from "./mail/dev-mail-message.entity.js";
import { noOrderReceiptPdf } from "./orders/order-receipt-pdf.js";
import { devMailboxTransport } from "./mail/dev-mailbox-transport.js";
import { postmarkTransport } from "./mail/postmark-transport.js";
import { Migration20250601000000Initial } from "./migrations/Migration20250601000000Initial.js";
import { Migration20261124100000ContactsAndAttachments } from "./migrations/Migration20261124100000ContactsAndAttachments.js";
import { Migration20261201100000EmailReference } from "./migrations/Migration20261201100000EmailReference.js";
import { Migration20261205100000IdentityProjection } from "./migrations/Migration20261205100000IdentityProjection.js";
import type { AutomationOptions } from "./options.js";
import { buildAutomationSchema } from "./schema.js";
import { NotificationTemplate } from "./templates/notification-template.entity.js";
import { startWorkflowEngine } from "./workflows/workflow-consumers.js";
import { Workflow, WorkflowDefaults, WorkflowRun, WorkflowRunStep } from "./workflows/workflow.entity.js";
import { Migration20261206100000Workflows } from "./migrations/Migration20261206100000Workflows.js";
import { Migration20261206160000Webhooks } from "./migrations/Migration20261206160000Webhooks.js";
import { startWebhooks, WEBHOOK_ENTITIES } from "./webhooks/index.js";

export { readAutomationConfig } from "./config.js";
export type { AutomationOptions } from "./options.js";
export { billingReceiptPdf } from "./invoices/billing-receipt-pdf.js";
export { billingOrderReceiptPdf } from "./orders/order-receipt-pdf.js";
export { documentsSignedPdf, type SignedPdfProvider } from "./documents/signed-pdf.js";

/** Notification templates, the email log and delivery (Postmark or the dev mailbox). */
export function createAutomationSubgraph(options: AutomationOptions): SubgraphDefinition {
  const retry = options.retry ?? DEFAULT_RETRY;
  // Branding, contacts' names, addresses and Do Not Disturb for emails: automation's copy of identity's data.
  return withIdentityProjection({
    name: "automation",
    schema: "automation",
    entities: [
      OutboxEvent,
      ProcessedEvent,
      NotificationTemplate,
      EmailLog,
      DevMailMessage,
      Workflow,
      WorkflowDefaults,
      WorkflowRun,
      WorkflowRunStep,
      ...WEBHOOK_ENTITIES,
    ],
    migrations: [
      { name: "Migration20250601000000Initial", class: Migration20250601000000Initial },
      { name: "Migration20261124100000ContactsAndAttachments", class: Migration20261124100000ContactsAndAttachments },
      { name: "Migration20261201100000EmailReference", class: Migration20261201100000EmailReference },
      { name: "Migration20261205100000IdentityProjection", class: Migration20261205100000IdentityProjection },
      { name: "Migration20261206100000Workflows", class: Migration20261206100000Workflows },
      { name: "Migration20261206160000Webhooks", class: Migration20261206160000Webhooks },
    ],
    buildSchema: (deps) => buildAutomationSchema(options, deps),
    async startWorkers(deps) {
      const { postmarkServerToken, postmarkApiUrl, fromAddress } = options.mail;
      const transport = postmarkServerToken
        ? postmarkTransport({ serverToken: postmarkServerToken, apiUrl: postmarkApiUrl })
        : devMailboxTransport(deps.orm);
      const delivery = { boss: deps.boss, portalSecret: options.portalSecret, fromAddress, retry };
      await consumeLinkEmailRequests(deps, delivery);
      await consumeBillingEvents(deps, {
        ...delivery,
        receiptPdf: options.receiptPdf ?? noReceiptPdf,
        orderReceiptPdf: options.orderReceiptPdf ?? noOrderReceiptPdf,
      });
      await consumeDocumentsEvents(deps, { ...delivery, signedPdf: options.signedPdf ?? noSignedPdf });
      await consumeCommunitiesEvents(deps, delivery);
      await consumeCoursesEvents(deps, delivery);
      await consumeAppointmentsEvents(deps, delivery);
      await consumeAffiliatesEvents(deps, delivery);
      await startWorkflowEngine(deps, { delivery, stepTimeoutSeconds: options.workflowStepTimeoutSeconds ?? 3600 });
      await startWebhooks(deps, { boss: deps.boss, portalSecret: options.portalSecret, production: options.production, email: delivery });
      await startSendEmailWorker({ orm: deps.orm, boss: deps.boss, transport, portalSecret: options.portalSecret, retry });
    },
  });
}
