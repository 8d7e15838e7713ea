import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { usePortalBusiness } from "../shared/branding";
import { useInvoiceLive } from "../shared/invoices/useInvoiceLive";
import { QueryState } from "../shared/QueryState";
import { useViewer } from "../shared/viewer";
import { documentCardLines } from "./documents/documentCard";
import { useDocumentLive } from "./documents/useDocumentLive";
import { invoiceCardLines } from "./invoices/invoiceCard";
import { describeSections, SECTION_INFO, sectionsWithContent } from "./sections";

const PortalDashboardDocument = graphql(`
  query PortalDashboard {
    portal {
      settings {
        welcomeMessage
        sections { section enabled }
      }
    }
    viewer {
      contact {
        id
        invoiceSummary { hasInvoices outstandingCount totalDue currency nextDueDate }
        documentSummary { hasDocuments waitingForSignature }
      }
    }
  }
`);

/** Welcome message, then a card per enabled section that has something for this client. */
export function DashboardPage() {
  const business = usePortalBusiness();
  const viewer = useViewer();
  // A new or paid invoice changes the Invoices card while the client looks at it.
  useInvoiceLive();
  // A document sent, signed or completed changes the Documents card the same way.
  useDocumentLive();
  const { data, loading, error, refetch } = useQuery(PortalDashboardDocument, { fetchPolicy: "cache-and-network" });
  return (
    <>
      <h1>Welcome, {viewer.contact?.firstName || viewer.contact?.name}</h1>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ portal, viewer: current }) => {
          // Null only if this person cannot see the settings, which a signed-in client always can.
          const settings = portal.settings;
          const enabled = settings?.sections.filter((s) => s.enabled).map((s) => s.section) ?? [];
          const cards = sectionsWithContent(enabled, {
            INVOICES: invoiceCardLines(current.contact?.invoiceSummary),
            DOCUMENTS: documentCardLines(current.contact?.documentSummary),
          });
          return (
            <>
              {settings?.welcomeMessage && (
                <p className="welcome-message" data-testid="welcome-message">
                  {settings.welcomeMessage}
                </p>
              )}
              {cards.length > 0 ? (
                <ul className="card-grid" aria-label="Your sections">
                  {cards.map((card) => (
                    <li key={card.section} className="card section-card" data-testid={`section-card-${card.section.toLowerCase()}`}>
                      <h2>{SECTION_INFO[card.section].title}</h2>
                      {card.summary.map((line) => (
                        <p key={line}>{line}</p>
                      ))}
                      <Link to={SECTION_INFO[card.section].path}>View {SECTION_INFO[card.section].noun}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <section className="empty-state" data-testid="dashboard-empty">
                  <h2>Nothing here yet</h2>
                  <p>
                    When {business.branding.displayName} shares {describeSections(enabled)} with you, they'll appear
                    here.
                  </p>
                </section>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
