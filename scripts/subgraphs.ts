import type { SubgraphDefinition } from "@portal/kit";

/**
 * The subgraphs the platform runs, in start order: consumers (automation, documents) subscribe to
 * events before producers (identity, billing) begin relaying them; documents keeps profiles from
 * identity's events, so it starts before identity. Each one is its own process in `npm start`.
 */
export interface SubgraphEntry {
  name: string;
  port: number;
  urlVariable: string;
  entry: string;
  /** A definition for printing SDL and for tests; options that don't affect the schema are dummies. */
  define: (secret: string) => Promise<SubgraphDefinition>;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: "automation",
    port: 4102,
    urlVariable: "AUTOMATION_URL",
    entry: "subgraphs/automation/src/main.ts",
    define: async (portalSecret) => {
      const { createAutomationSubgraph } = await import("@portal/automation");
      return createAutomationSubgraph({ portalSecret, production: false, mail: { fromAddress: "Client Portal <portal@localhost>" } });
    },
  },
  {
    name: "documents",
    port: 4104,
    urlVariable: "DOCUMENTS_URL",
    entry: "subgraphs/documents/src/main.ts",
    define: async (portalSecret) => {
      const { createDocumentsSubgraph } = await import("@portal/documents");
      return createDocumentsSubgraph({ portalSecret, production: false });
    },
  },
  {
    name: "identity",
    port: 4101,
    urlVariable: "IDENTITY_URL",
    entry: "subgraphs/identity/src/main.ts",
    define: async (portalSecret) => {
      const { createIdentitySubgraph } = await import("@portal/identity");
      return createIdentitySubgraph({
        portalSecret,
        operatorEmails: [],
        signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
        sessionTtlDays: 30,
        production: false,
      });
    },
  },
  {
    name: "billing",
    port: 4103,
    urlVariable: "BILLING_URL",
    entry: "subgraphs/billing/src/main.ts",
    define: async () => {
      const { createBillingSubgraph } = await import("@portal/billing");
      return createBillingSubgraph({ testPayments: true });
    },
  },
];
