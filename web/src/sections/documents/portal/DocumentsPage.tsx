import { Link, useSearchParams } from "react-router";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { ClientDocumentList } from "./ClientDocumentList";
import { DOCUMENT_TABS, DocumentTabs, type DocumentTab } from "./DocumentTabs";
import { useDocumentLive } from "./useDocumentLive";

/**
 * The client's documents in three lists: waiting for their signature, signed by them but not yet
 * by everyone, and completed. The tab lives in the URL; lists update live.
 */
export function DocumentsPage() {
  const [params, setParams] = useSearchParams();
  const tab = DOCUMENT_TABS.find((t) => t.id === params.get("tab")) ?? DOCUMENT_TABS[0]!;
  const { live } = useDocumentLive();
  const enabled = useSectionEnabled("DOCUMENTS");
  if (enabled === false) {
    return (
      <>
        <h1>Documents</h1>
        <p className="empty-state">
          Documents are not available in this portal. <Link to="/">Back to home</Link>
        </p>
      </>
    );
  }
  const select = (id: DocumentTab["id"]) => setParams(id === "pending" ? {} : { tab: id }, { replace: true });
  return (
    <>
      <h1>Documents</h1>
      {!live && (
        <p className="hint" role="status">
          Live updates are paused; trying again shortly.
        </p>
      )}
      <DocumentTabs selected={tab.id} onSelect={select} />
      <div role="tabpanel" id={`documents-panel-${tab.id}`} aria-labelledby={`documents-tab-${tab.id}`} tabIndex={0}>
        <ClientDocumentList key={tab.list} list={tab.list} />
      </div>
    </>
  );
}
