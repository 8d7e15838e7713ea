import type { SignInLimits } from "./auth/sign-in-rate-limit.js";
import type { LinkSettings } from "./auth/one-time-links.js";
import { DEVELOPMENT_PORTAL_URLS, type PortalUrls } from "./shared/portal-urls.js";

/** Past this many requests for one email per window (all IPs together), sign-in links are slowed down. */
export const DEFAULT_SIGN_IN_LIMIT_PER_EMAIL_TOTAL = 20;

/** What the identity subgraph needs beyond the shared runtime; `config.ts` fills it from the environment. */
export interface IdentityOptions {
  /** Seals one-time links in events (the same PORTAL_SECRET the gateway signs with). */
  portalSecret: string;
  /** Operator accounts ensured at start-up. */
  operatorEmails: string[];
  /** `perEmailTotal` defaults to DEFAULT_SIGN_IN_LIMIT_PER_EMAIL_TOTAL. */
  signInLimits: Omit<SignInLimits, "perEmailTotal"> & { perEmailTotal?: number };
  sessionTtlDays: number;
  production: boolean;
  /** Business for localhost / 127.0.0.1 when the gateway's authenticate call names none. */
  defaultBusinessSlug?: string;
  /**
   * Where links in emails and `portalUrl` in events point (PORTAL_URL_TEMPLATE, PLATFORM_URL); the
   * gateway's development addresses when absent. Read each time a link is built.
   */
  portalUrls?: PortalUrls;
}

export const portalUrlsOf = (options: IdentityOptions): PortalUrls => options.portalUrls ?? DEVELOPMENT_PORTAL_URLS;

export const signInLimitsOf = (options: IdentityOptions): SignInLimits => ({
  ...options.signInLimits,
  perEmailTotal: options.signInLimits.perEmailTotal ?? DEFAULT_SIGN_IN_LIMIT_PER_EMAIL_TOTAL,
});

/** How one-time links are sealed and where they point, as configured for this process. */
export const linkSettingsOf = (options: IdentityOptions): LinkSettings => ({ secret: options.portalSecret, urls: portalUrlsOf(options) });
