import { NavLink, Outlet } from "react-router";
import { BrandMark, usePortalBusiness } from "../shared/branding";
import { SignOutButton } from "../shared/SignOutButton";
import { useViewer } from "../shared/viewer";

const SECTIONS = [
  { to: "/admin/contacts", label: "Contacts" },
  { to: "/admin/invoices", label: "Invoices" },
  { to: "/admin/documents", label: "Documents" },
  { to: "/admin/settings", label: "Portal settings" },
  { to: "/admin/templates", label: "Email templates" },
  { to: "/admin/email-log", label: "Email log" },
  { to: "/admin/api-keys", label: "API keys" },
  { to: "/admin/team", label: "Team" },
];

export function AdminLayout() {
  const business = usePortalBusiness();
  const viewer = useViewer();
  return (
    <>
      <header className="topbar">
        <BrandMark branding={business.branding} />
        <span className="topbar-label">Admin console</span>
        <nav aria-label="Account" className="topnav">
          <span className="topnav-user">{viewer.staff?.name}</span>
          <SignOutButton signInPath="/admin/sign-in" />
        </nav>
      </header>
      <div className="console">
        <nav aria-label="Admin" className="sidenav">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to}>{section.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="page console-main">
          <Outlet />
        </main>
      </div>
    </>
  );
}
