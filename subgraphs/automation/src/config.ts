import { commonEnv, poolSizes, port, readConfig, type RuntimeConfig } from "@portal/kit";
import { z } from "zod";
import { documentsSignedPdf } from "./documents/signed-pdf.js";
import type { AutomationOptions } from "./options.js";
import { billingReceiptPdf } from "./invoices/billing-receipt-pdf.js";
import { billingOrderReceiptPdf } from "./orders/order-receipt-pdf.js";

/**
 * automation's environment, parsed once at start-up by whatever hosts it (its own process in
 * production, the development host under `npm start`).
 */
export function readAutomationConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      ...commonEnv,
      AUTOMATION_PORT: port(4102),
      POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
      POSTMARK_API_URL: z.string().url({ message: "must be a URL such as https://api.postmarkapp.com" }).optional(),
      MAIL_FROM: z.string().min(3).default("Client Portal <portal@localhost>"),
      /** Where receipt PDFs for receipt emails come from. */
      BILLING_URL: z.string().url().default("http://127.0.0.1:4103/graphql"),
      /** Where the sealed PDFs for fully-signed document emails come from. */
      DOCUMENTS_URL: z.string().url().default("http://127.0.0.1:4104/graphql"),
    },
    env,
  );
  const production = config.NODE_ENV === "production";
  const options: AutomationOptions = {
    portalSecret: config.PORTAL_SECRET,
    production,
    mail: { postmarkServerToken: config.POSTMARK_SERVER_TOKEN, postmarkApiUrl: config.POSTMARK_API_URL, fromAddress: config.MAIL_FROM },
    receiptPdf: billingReceiptPdf({ billingUrl: () => config.BILLING_URL, portalSecret: config.PORTAL_SECRET }),
    orderReceiptPdf: billingOrderReceiptPdf({ billingUrl: () => config.BILLING_URL, portalSecret: config.PORTAL_SECRET }),
    signedPdf: documentsSignedPdf({ documentsUrl: () => config.DOCUMENTS_URL, portalSecret: config.PORTAL_SECRET }),
  };
  const runtime: RuntimeConfig = {
    databaseUrl: config.DATABASE_URL,
    connections: poolSizes(config),
    gatewaySecret: config.PORTAL_SECRET,
    port: config.AUTOMATION_PORT,
    production,
  };
  const warnings = production && !config.POSTMARK_SERVER_TOKEN ? ["POSTMARK_SERVER_TOKEN is not set: emails are stored, not sent"] : [];
  return { options, runtime, note: `mail: ${config.POSTMARK_SERVER_TOKEN ? "Postmark" : "dev mailbox"}`, warnings };
}
