import { NavLink, Outlet } from "react-router";
import { BrandMark, usePortalBusiness } from "../shared/branding";
import { SignOutButton } from "../shared/SignOutButton";
import { useViewer } from "../shared/viewer";
import { useSectionEnabled } from "./useSectionEnabled";

/** Header with the business's brand, the client's name and navigation, around portal pages. */
export function PortalLayout() {
  const business = usePortalBusiness();
  const viewer = useViewer();
  const invoicesOn = useSectionEnabled("INVOICES") ?? false;
  const documentsOn = useSectionEnabled("DOCUMENTS") ?? false;
  return (
    <>
      <header className="topbar">
        <BrandMark branding={business.branding} />
        <nav aria-label="Portal" className="topnav">
          <NavLink to="/" end>
            Home
          </NavLink>
          {invoicesOn && <NavLink to="/invoices">Invoices</NavLink>}
          {documentsOn && <NavLink to="/documents">Documents</NavLink>}
          <NavLink to="/profile">Profile</NavLink>
          <span className="topnav-user" aria-label="Signed in as">
            {viewer.contact?.name}
          </span>
          <SignOutButton signInPath="/sign-in" />
        </nav>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
