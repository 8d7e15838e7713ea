import type { ReactNode } from "react";
import { NavLink, Outlet } from "react-router";
import { BrandMark, usePortalBusiness } from "../shared/branding";
import { useIsAffiliate } from "../sections/affiliates/portal/useIsAffiliate";
import { SignOutButton } from "../shared/SignOutButton";
import { useViewer } from "../shared/viewer";
import { EXISTING_SECTIONS, SECTION_INFO, type ExistingSection } from "./sections";
import { usePortalSettingsLive } from "./usePortalSettingsLive";
import { useSectionEnabled } from "./useSectionEnabled";

/**
 * Header with the business's brand, the client's name and navigation, around portal pages (the
 * route's, or `children`). Settings staff save reach it live: a section turned off leaves the menu.
 */
export function PortalLayout({ children }: { children?: ReactNode }) {
  const business = usePortalBusiness();
  const viewer = useViewer();
  usePortalSettingsLive();
  return (
    <>
      <header className="topbar">
        <BrandMark branding={business.branding} />
        <nav aria-label="Portal" className="topnav">
          <NavLink to="/" end>
            Home
          </NavLink>
          {EXISTING_SECTIONS.map((section) => (
            <SectionLink key={section} section={section} />
          ))}
          <NavLink to="/profile">Profile</NavLink>
          <span className="topnav-user">
            <span className="visually-hidden">Signed in as </span>
            {viewer.contact?.name}
          </span>
          <SignOutButton signInPath="/sign-in" />
        </nav>
      </header>
      <main id="main" className="page">
        {children ?? <Outlet />}
      </main>
    </>
  );
}

/**
 * A section's menu entry, shown while the business has it switched on; a section only some clients
 * have (Affiliates) only to those clients.
 */
function SectionLink({ section }: { section: ExistingSection }) {
  const on = useSectionEnabled(section) ?? false;
  if (!on) return null;
  return section === "AFFILIATES" ? <AffiliatesLink /> : <NavLink to={SECTION_INFO[section].path}>{SECTION_INFO[section].title}</NavLink>;
}

function AffiliatesLink() {
  return useIsAffiliate() ? <NavLink to={SECTION_INFO.AFFILIATES.path}>{SECTION_INFO.AFFILIATES.title}</NavLink> : null;
}
