import "reflect-metadata";
import { commonEnv, port, readConfig, runSubgraph } from "@portal/kit";
import { z } from "zod";
import { createAutomationSubgraph } from "./index.js";
import { documentsSignedPdf } from "./documents/signed-pdf.js";
import { billingReceiptPdf } from "./invoices/billing-receipt-pdf.js";

/** Runs the automation subgraph on its own, configured from the environment. */
const config = readConfig({
  ...commonEnv,
  AUTOMATION_PORT: port(4102),
  POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
  POSTMARK_API_URL: z.string().url({ message: "must be a URL such as https://api.postmarkapp.com" }).optional(),
  MAIL_FROM: z.string().min(3).default("Client Portal <portal@localhost>"),
  /** Where receipt PDFs for receipt emails come from. */
  BILLING_URL: z.string().url().default("http://127.0.0.1:4103/graphql"),
  /** Where the sealed PDFs for fully-signed document emails come from. */
  DOCUMENTS_URL: z.string().url().default("http://127.0.0.1:4104/graphql"),
});
const production = config.NODE_ENV === "production";

const running = await runSubgraph(
  createAutomationSubgraph({
    portalSecret: config.PORTAL_SECRET,
    production,
    mail: { postmarkServerToken: config.POSTMARK_SERVER_TOKEN, postmarkApiUrl: config.POSTMARK_API_URL, fromAddress: config.MAIL_FROM },
    receiptPdf: billingReceiptPdf({ billingUrl: () => config.BILLING_URL, portalSecret: config.PORTAL_SECRET }),
    signedPdf: documentsSignedPdf({ documentsUrl: () => config.DOCUMENTS_URL, portalSecret: config.PORTAL_SECRET }),
  }),
  { databaseUrl: config.DATABASE_URL, gatewaySecret: config.PORTAL_SECRET, port: config.AUTOMATION_PORT, production },
);
const mailMode = config.POSTMARK_SERVER_TOKEN ? "Postmark" : "dev mailbox";
console.log(`[automation] listening on ${running.url} (mail: ${mailMode})`);
if (production && !config.POSTMARK_SERVER_TOKEN) console.warn("[automation] POSTMARK_SERVER_TOKEN is not set: emails are stored, not sent");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[automation] ${signal}: stopping`);
  try {
    await running.stop();
    console.log("[automation] stopped");
    process.exit(0);
  } catch (error) {
    console.error("[automation] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
