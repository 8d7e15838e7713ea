import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { usePortalBusiness } from "../shared/branding";
import { useInvoiceLive } from "../sections/invoices/shared/useInvoiceLive";
import { QueryState } from "../shared/QueryState";
import { useViewer } from "../shared/viewer";
import { affiliateCardLines } from "../sections/affiliates/portal/dashboardCard";
import { appointmentCardLines } from "../sections/appointments/portal/dashboardCard";
import { communityCardLines } from "../sections/communities/portal/dashboardCard";
import { courseCardLines } from "../sections/courses/portal/dashboardCard";
import { documentCardLines } from "../sections/documents/portal/dashboardCard";
import { useDocumentLive } from "../sections/documents/portal/useDocumentLive";
import { invoiceCardLines } from "../sections/invoices/portal/dashboardCard";
import { describeSections, enabledSections, SECTION_INFO, sectionsWithContent, type ExistingSection } from "./sections";
import { SectionUnavailable, sectionFailed } from "./SectionUnavailable";

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
        communitySummary { hasGroups groupCount unreadCount }
        courseSummary { hasCourses courseCount completedCount progressPercent resumeCourseId }
        appointmentSummary { hasAppointments canBook next { id startsAt typeName } }
        affiliateSummary { isAffiliate pending { amount currency } approved { amount currency } referrals }
      }
    }
  }
`);

/**
 * Welcome message, then a card per enabled section that has something for this client. A section
 * whose summary failed (its subgraph down) shows a retry card; the others still show.
 */
export function DashboardPage() {
  const business = usePortalBusiness();
  const viewer = useViewer();
  // A new or paid invoice changes the Invoices card while the client looks at it.
  useInvoiceLive();
  // A document sent, signed or completed changes the Documents card the same way.
  useDocumentLive();
  const { data, loading, error, refetch } = useQuery(PortalDashboardDocument, { fetchPolicy: "cache-and-network", errorPolicy: "all" });
  const retry = () => void refetch();
  return (
    <>
      <h1>Welcome, {viewer.contact?.firstName || viewer.contact?.name}</h1>
      <QueryState loading={loading} error={error} data={data} onRetry={retry}>
        {({ portal, viewer: current }) => {
          // Null only if this person cannot see the settings, which a signed-in client always can.
          const settings = portal.settings;
          // Only sections that exist: a business may still have planned ones switched on.
          const enabled = enabledSections(settings?.sections);
          const contact = current.contact;
          const failed: ExistingSection[] = [];
          if (sectionFailed(error, contact, contact?.invoiceSummary)) failed.push("INVOICES");
          if (sectionFailed(error, contact, contact?.documentSummary)) failed.push("DOCUMENTS");
          if (sectionFailed(error, contact, contact?.communitySummary)) failed.push("COMMUNITIES");
          if (sectionFailed(error, contact, contact?.courseSummary)) failed.push("COURSES");
          if (sectionFailed(error, contact, contact?.appointmentSummary)) failed.push("APPOINTMENTS");
          if (sectionFailed(error, contact, contact?.affiliateSummary)) failed.push("AFFILIATES");
          const cards = sectionsWithContent(
            enabled,
            {
              INVOICES: invoiceCardLines(contact?.invoiceSummary),
              DOCUMENTS: documentCardLines(contact?.documentSummary),
              COMMUNITIES: communityCardLines(contact?.communitySummary),
              COURSES: courseCardLines(contact?.courseSummary),
              APPOINTMENTS: appointmentCardLines(contact?.appointmentSummary),
              AFFILIATES: affiliateCardLines(contact?.affiliateSummary),
            },
            failed,
          );
          return (
            <>
              {settings?.welcomeMessage && (
                <p className="welcome-message" data-testid="welcome-message">
                  {settings.welcomeMessage}
                </p>
              )}
              {cards.length > 0 ? (
                <ul className="card-grid" aria-label="Your sections">
                  {cards.map((card) =>
                    card.unavailable ? (
                      <SectionUnavailable key={card.section} as="li" section={card.section} onRetry={retry} />
                    ) : (
                      <li key={card.section} className="card section-card" data-testid={`section-card-${card.section.toLowerCase()}`}>
                        <h2>{SECTION_INFO[card.section].title}</h2>
                        {card.summary.map((line) => (
                          <p key={line}>{line}</p>
                        ))}
                        <Link to={SECTION_INFO[card.section].path}>View {SECTION_INFO[card.section].noun}</Link>
                      </li>
                    ),
                  )}
                </ul>
              ) : (
                <section className="empty-state" data-testid="dashboard-empty">
                  <h2>Nothing here yet</h2>
                  <p>
                    When {business.branding.displayName} shares {describeSections(enabled)} with you, they'll appear here.
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
