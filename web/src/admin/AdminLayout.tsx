import { useId, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { BrandMark, usePortalBusiness } from "../shared/branding";
import { SignOutButton } from "../shared/SignOutButton";
import { useViewer } from "../shared/viewer";

const SECTIONS = [
  { to: "/admin/contacts", label: "Contacts" },
  { to: "/admin/invoices", label: "Invoices" },
  { to: "/admin/documents", label: "Documents" },
  { to: "/admin/courses", label: "Courses" },
  { to: "/admin/communities", label: "Communities" },
  { to: "/admin/appointments", label: "Appointments" },
  { to: "/admin/affiliates", label: "Affiliates" },
  { to: "/admin/offers", label: "Order forms" },
  { to: "/admin/workflows", label: "Workflows" },
  { to: "/admin/settings", label: "Portal settings" },
  { to: "/admin/templates", label: "Email templates" },
  { to: "/admin/email-log", label: "Email log" },
  { to: "/admin/api-keys", label: "API keys" },
  { to: "/admin/webhooks", label: "Webhooks" },
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
        <AdminNav />
        <main id="main" className="page console-main">
          <Outlet />
        </main>
      </div>
    </>
  );
}

/**
 * The console's sections: a side menu on wide screens; on a phone a "Menu" button (naming the
 * current section) opens the full list, and choosing a section closes it again.
 */
function AdminNav() {
  const id = useId();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const current = SECTIONS.find((section) => pathname === section.to || pathname.startsWith(`${section.to}/`));
  return (
    <nav aria-label="Admin" className={`sidenav ${open ? "sidenav-open" : ""}`}>
      <button
        type="button"
        className="button button-secondary sidenav-toggle"
        aria-expanded={open}
        aria-controls={`${id}-sections`}
        onClick={() => setOpen((value) => !value)}
      >
        <span>Menu</span>
        {current && <span className="sidenav-toggle-current">{current.label}</span>}
      </button>
      <ul id={`${id}-sections`}>
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} onClick={() => setOpen(false)}>
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
