/** What the identity subgraph needs beyond the shared runtime; `main.ts` fills it from the environment. */
export interface IdentityOptions {
  /** Seals one-time links in events (the same PORTAL_SECRET the gateway signs with). */
  portalSecret: string;
  /** Operator accounts ensured at start-up. */
  operatorEmails: string[];
  signInLimits: { perEmail: number; perIp: number; windowSeconds: number };
  sessionTtlDays: number;
  production: boolean;
  /** Business for localhost / 127.0.0.1 when the gateway's authenticate call names none. */
  defaultBusinessSlug?: string;
}
