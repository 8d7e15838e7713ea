import { useRef, type KeyboardEvent } from "react";

export type InvoiceTab = "outstanding" | "paid";

const TABS: { id: InvoiceTab; label: string }[] = [
  { id: "outstanding", label: "Outstanding" },
  { id: "paid", label: "Paid" },
];

/** WAI-ARIA tabs: one tab stop, arrow keys move between tabs and select them. */
export function InvoiceTabs({ selected, onSelect }: { selected: InvoiceTab; onSelect: (tab: InvoiceTab) => void }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((tab) => tab.id === selected);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    onSelect(next.id);
    refs.current[next.id]?.focus();
  };
  return (
    <div role="tablist" aria-label="Invoices" className="tabs" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[tab.id] = element;
          }}
          type="button"
          role="tab"
          id={`invoices-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={tab.id === selected ? `invoices-panel-${tab.id}` : undefined}
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
