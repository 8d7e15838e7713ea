import { Link, useSearchParams } from "react-router";
import { useInvoiceLive } from "../shared/useInvoiceLive";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { InvoiceTabs, type InvoiceTab } from "./InvoiceTabs";
import { OutstandingInvoices, PaidInvoices } from "./ClientInvoiceLists";

/** The client's invoices: what is still to pay, and what was paid. The tab lives in the URL. */
export function InvoicesPage() {
  const [params, setParams] = useSearchParams();
  const tab: InvoiceTab = params.get("tab") === "paid" ? "paid" : "outstanding";
  const { live } = useInvoiceLive();
  const enabled = useSectionEnabled("INVOICES");
  if (enabled === false) {
    return (
      <>
        <h1>Invoices</h1>
        <p className="empty-state">
          Invoices are not available in this portal. <Link to="/">Back to home</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Invoices</h1>
      {!live && (
        <p className="hint" role="status">
          Live updates are paused; trying again shortly.
        </p>
      )}
      <InvoiceTabs selected={tab} onSelect={(next) => setParams(next === "paid" ? { tab: "paid" } : {}, { replace: true })} />
      <div role="tabpanel" id={`invoices-panel-${tab}`} aria-labelledby={`invoices-tab-${tab}`} tabIndex={0}>
        {tab === "paid" ? <PaidInvoices /> : <OutstandingInvoices />}
      </div>
    </>
  );
}
