/**
 * Lists the business's invoices and pays the first open one, in a portal in test-payment mode.
 *
 *   PORTAL_URL=http://localhost:4000/graphql PORTAL_API_KEY=cp_… npx tsx sdk/examples/list-and-pay.ts
 *
 * Online payment is the client's own act (in the portal, or `payInvoiceWithTestPayment` signed in as
 * the invoice's contact), so an API key cannot pay in test mode: it records the payment as staff do
 * for money received outside the portal (`recordPayment`). The invoice becomes PAID and its contact
 * gets the receipt email. To avoid booking money that never arrived, the example only does this when
 * the portal says it is in test mode.
 */
import { pathToFileURL } from "node:url";
import { type InvoiceFieldsFragment, PortalClient, PortalError, PortalUserError } from "@portal/sdk";

const PAYABLE = new Set(["OPEN", "OVERDUE"]);

export function money(minorUnits: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(minorUnits / 100);
}

/** What the example did: every invoice it listed, and the one it paid (null when none was payable or not in test mode). */
export interface ListAndPayOutcome {
  listed: InvoiceFieldsFragment[];
  paid: InvoiceFieldsFragment | null;
}

export async function listAndPay(client: PortalClient, log: (line: string) => void = console.log): Promise<ListAndPayOutcome> {
  const { business } = await client.viewer();
  log(`Invoices of ${business?.name ?? "the business"}:`);
  const listed: InvoiceFieldsFragment[] = [];
  for await (const invoice of client.allInvoices()) {
    listed.push(invoice);
    log(
      `  #${invoice.number}  ${invoice.status.padEnd(8)} ${money(invoice.total, invoice.currency).padStart(12)}  due ${invoice.dueDate}  ${invoice.contact.name}`,
    );
  }

  const payable = listed.find((invoice) => PAYABLE.has(invoice.status) && invoice.amountDue > 0);
  if (!payable) {
    log("No open invoice to pay.");
    return { listed, paid: null };
  }
  const { testMode } = await client.paymentOptions();
  if (!testMode) {
    log(`Invoice #${payable.number} is open, but this portal takes real payments: not recording one from an example.`);
    return { listed, paid: null };
  }
  const paid = await client.recordPayment({ invoiceId: payable.id, method: "OTHER", reference: "Test payment from the SDK example" });
  log(
    `Paid #${paid.number}: ${money(paid.amountPaid, paid.currency)} received, ${money(paid.amountDue, paid.currency)} due, now ${paid.status}.`,
  );
  return { listed, paid };
}

async function main() {
  const url = process.env.PORTAL_URL ?? "http://localhost:4000/graphql";
  const apiKey = process.env.PORTAL_API_KEY;
  if (!apiKey) throw new Error("Set PORTAL_API_KEY to an API key with the READ and WRITE scopes (admin console → API keys).");
  try {
    await listAndPay(new PortalClient({ url, apiKey }));
  } catch (error) {
    // Each kind of failure says something different to the person running the script.
    if (error instanceof PortalUserError)
      console.error(`Refused (${error.typename}${error.field ? `, ${error.field}` : ""}): ${error.message}`);
    else if (error instanceof PortalError) console.error(`${error.name}: ${error.message}`);
    else throw error;
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
