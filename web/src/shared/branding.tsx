import { useQuery } from "@apollo/client/react";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { graphql } from "../gql";
import type { PortalBrandingQuery } from "../gql/graphql";
import { QueryState } from "./QueryState";

export const PortalBrandingDocument = graphql(`
  query PortalBranding {
    portal {
      business {
        id
        name
        slug
        branding { displayName logoUrl primaryColor accentColor }
      }
    }
  }
`);

export type PortalBusiness = NonNullable<PortalBrandingQuery["portal"]["business"]>;
export type BrandingValues = PortalBusiness["branding"];

const PortalBusinessContext = createContext<PortalBusiness | null>(null);

/** The business that owns this host, loaded by the enclosing <WithPortalBusiness>. */
export function usePortalBusiness(): PortalBusiness {
  const business = useContext(PortalBusinessContext);
  if (!business) throw new Error("usePortalBusiness() must be used inside <WithPortalBusiness>");
  return business;
}

/**
 * Loads the business that owns this host and applies its branding, then renders children with
 * it. An unknown host gets a plain "no portal here" page.
 */
export function WithPortalBusiness({ children }: { children: ReactNode }) {
  const { data, loading, error, refetch } = useQuery(PortalBrandingDocument);
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ portal }) =>
        portal.business ? (
          <PortalBusinessContext.Provider value={portal.business}>
            <ApplyBranding branding={portal.business.branding} />
            {children}
          </PortalBusinessContext.Provider>
        ) : (
          <main id="main" className="page narrow">
            <h1>No portal here</h1>
            <p>This address is not connected to a client portal. Check the link you were given.</p>
            <p className="hint">
              Platform operator? <a href="/operator">Open the operator console</a>.
            </p>
          </main>
        )
      }
    </QueryState>
  );
}

/** Sets the brand colours as CSS custom properties on the document and the tab title. */
export function ApplyBranding({ branding }: { branding: BrandingValues }) {
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty("--brand-primary", branding.primaryColor);
    root.setProperty("--brand-on-primary", readableTextOn(branding.primaryColor));
    root.setProperty("--brand-accent", branding.accentColor);
    root.setProperty("--brand-on-accent", readableTextOn(branding.accentColor));
    document.title = branding.displayName;
    return () => {
      for (const name of ["--brand-primary", "--brand-on-primary", "--brand-accent", "--brand-on-accent"]) {
        root.removeProperty(name);
      }
    };
  }, [branding.primaryColor, branding.accentColor, branding.displayName]);
  return null;
}

/** Black or white, whichever reads better on the given #rrggbb colour (WCAG relative luminance). */
export function readableTextOn(hex: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return "#ffffff";
  const value = parseInt(match[1]!, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.4 ? "#111111" : "#ffffff";
}

/** Logo (or initial) and display name, as shown in headers. */
export function BrandMark({ branding }: { branding: BrandingValues }) {
  return (
    <span className="brand-mark">
      {branding.logoUrl ? (
        <img src={branding.logoUrl} alt="" className="brand-logo" />
      ) : (
        <span className="brand-initial" aria-hidden="true">
          {branding.displayName.charAt(0).toUpperCase()}
        </span>
      )}
      <span className="brand-name">{branding.displayName}</span>
    </span>
  );
}
