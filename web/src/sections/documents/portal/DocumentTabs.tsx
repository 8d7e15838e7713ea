import { useRef, type KeyboardEvent } from "react";
import type { ContactDocumentList } from "../../../gql/graphql";

export interface DocumentTab {
  id: "pending" | "partially-signed" | "signed";
  list: ContactDocumentList;
  label: string;
}

export const DOCUMENT_TABS: DocumentTab[] = [
  { id: "pending", list: "PENDING_SIGNATURE", label: "Pending signature" },
  { id: "partially-signed", list: "PARTIALLY_SIGNED", label: "Partially signed" },
  { id: "signed", list: "SIGNED", label: "Signed" },
];

/** WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs and select them. */
export function DocumentTabs({ selected, onSelect }: { selected: DocumentTab["id"]; onSelect: (tab: DocumentTab["id"]) => void }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const index = DOCUMENT_TABS.findIndex((tab) => tab.id === selected);
    let next: number | null = null;
    if (event.key === "ArrowRight") next = (index + 1) % DOCUMENT_TABS.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + DOCUMENT_TABS.length) % DOCUMENT_TABS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = DOCUMENT_TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const tab = DOCUMENT_TABS[next]!;
    onSelect(tab.id);
    refs.current[tab.id]?.focus();
  };
  return (
    <div role="tablist" aria-label="Documents" className="tabs" onKeyDown={onKeyDown}>
      {DOCUMENT_TABS.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[tab.id] = element;
          }}
          type="button"
          role="tab"
          id={`documents-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={tab.id === selected ? `documents-panel-${tab.id}` : undefined}
          tabIndex={tab.id === selected ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
