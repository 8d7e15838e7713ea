/** What the affiliates subgraph needs from its host. */
export interface AffiliatesOptions {
  production: boolean;
  /** How often pending commissions whose hold closed are approved (default every 30 s; 0: never, tests run it by hand). */
  approvalIntervalMs?: number;
}

export class AffiliatesConfigError extends Error {}
