import type { RuntimeConfig, SubgraphDefinition } from "@portal/kit";

/**
 * The subgraphs the platform runs, in start order: consumers (automation, documents, communities,
 * courses, appointments, affiliates) subscribe to events before producers (identity, billing) begin relaying them; documents,
 * communities, courses, appointments and affiliates keep profiles from identity's events, so they start before identity. In production each runs as its own process
 * (`entry`); `npm start` runs them all in one development host (scripts/subgraph-host.ts).
 */
export interface SubgraphEntry {
  name: string;
  /** Default port; the process reads `portVariable` (e.g. IDENTITY_PORT) to listen elsewhere. */
  port: number;
  portVariable: string;
  /** Tells the gateway (and other subgraphs) where this subgraph answers. */
  urlVariable: string;
  entry: string;
  /** A definition for printing SDL and for tests; options that don't affect the schema are dummies. */
  define: (secret: string) => Promise<SubgraphDefinition>;
  /** The definition and runtime its production entry builds from `env`, for hosting it elsewhere. */
  configure: (env: NodeJS.ProcessEnv) => Promise<ConfiguredSubgraph>;
}

export interface ConfiguredSubgraph {
  definition: SubgraphDefinition;
  runtime: RuntimeConfig;
  /** Said after "listening on …", e.g. "mail: dev mailbox". */
  note?: string;
  warnings: string[];
}

export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: "automation",
    portVariable: "AUTOMATION_PORT",
    port: 4102,
    urlVariable: "AUTOMATION_URL",
    entry: "subgraphs/automation/src/main.ts",
    define: async (portalSecret) => {
      const { createAutomationSubgraph } = await import("@portal/automation");
      return createAutomationSubgraph({ portalSecret, production: false, mail: { fromAddress: "Client Portal <portal@localhost>" } });
    },
    configure: async (env) => {
      const { createAutomationSubgraph, readAutomationConfig } = await import("@portal/automation");
      const { options, ...rest } = readAutomationConfig(env);
      return { definition: createAutomationSubgraph(options), ...rest };
    },
  },
  {
    name: "documents",
    portVariable: "DOCUMENTS_PORT",
    port: 4104,
    urlVariable: "DOCUMENTS_URL",
    entry: "subgraphs/documents/src/main.ts",
    define: async (portalSecret) => {
      const { createDocumentsSubgraph } = await import("@portal/documents");
      return createDocumentsSubgraph({ portalSecret, production: false });
    },
    configure: async (env) => {
      const { createDocumentsSubgraph, readDocumentsConfig } = await import("@portal/documents");
      const { options, ...rest } = readDocumentsConfig(env);
      return { definition: createDocumentsSubgraph(options), ...rest };
    },
  },
  {
    name: "communities",
    portVariable: "COMMUNITIES_PORT",
    port: 4105,
    urlVariable: "COMMUNITIES_URL",
    entry: "subgraphs/communities/src/main.ts",
    define: async () => {
      const { createCommunitiesSubgraph } = await import("@portal/communities");
      return createCommunitiesSubgraph({ production: false });
    },
    configure: async (env) => {
      const { createCommunitiesSubgraph, readCommunitiesConfig } = await import("@portal/communities");
      const { options, ...rest } = readCommunitiesConfig(env);
      return { definition: createCommunitiesSubgraph(options), ...rest };
    },
  },
  {
    name: "courses",
    portVariable: "COURSES_PORT",
    port: 4106,
    urlVariable: "COURSES_URL",
    entry: "subgraphs/courses/src/main.ts",
    define: async () => {
      const { createCoursesSubgraph } = await import("@portal/courses");
      return createCoursesSubgraph({ production: false });
    },
    configure: async (env) => {
      const { createCoursesSubgraph, readCoursesConfig } = await import("@portal/courses");
      const { options, ...rest } = readCoursesConfig(env);
      return { definition: createCoursesSubgraph(options), ...rest };
    },
  },
  {
    name: "appointments",
    portVariable: "APPOINTMENTS_PORT",
    port: 4107,
    urlVariable: "APPOINTMENTS_URL",
    entry: "subgraphs/appointments/src/main.ts",
    define: async () => {
      const { createAppointmentsSubgraph } = await import("@portal/appointments");
      return createAppointmentsSubgraph({ production: false });
    },
    configure: async (env) => {
      const { createAppointmentsSubgraph, readAppointmentsConfig } = await import("@portal/appointments");
      const { options, ...rest } = readAppointmentsConfig(env);
      return { definition: createAppointmentsSubgraph(options), ...rest };
    },
  },
  {
    name: "affiliates",
    portVariable: "AFFILIATES_PORT",
    port: 4108,
    urlVariable: "AFFILIATES_URL",
    entry: "subgraphs/affiliates/src/main.ts",
    define: async () => {
      const { createAffiliatesSubgraph } = await import("@portal/affiliates");
      return createAffiliatesSubgraph({ production: false });
    },
    configure: async (env) => {
      const { createAffiliatesSubgraph, readAffiliatesConfig } = await import("@portal/affiliates");
      const { options, ...rest } = readAffiliatesConfig(env);
      return { definition: createAffiliatesSubgraph(options), ...rest };
    },
  },
  {
    name: "identity",
    portVariable: "IDENTITY_PORT",
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
    configure: async (env) => {
      const { createIdentitySubgraph, readIdentityConfig } = await import("@portal/identity");
      const { options, runtime } = readIdentityConfig(env);
      return { definition: createIdentitySubgraph(options), runtime, warnings: [] };
    },
  },
  {
    name: "billing",
    portVariable: "BILLING_PORT",
    port: 4103,
    urlVariable: "BILLING_URL",
    entry: "subgraphs/billing/src/main.ts",
    define: async () => {
      const { createBillingSubgraph } = await import("@portal/billing");
      return createBillingSubgraph({ testPayments: true });
    },
    configure: async (env) => {
      const { createBillingSubgraph, readBillingConfig } = await import("@portal/billing");
      const { options, ...rest } = readBillingConfig(env);
      return { definition: createBillingSubgraph(options), ...rest };
    },
  },
];

/** The port a subgraph listens on given an environment: its `portVariable`, else the default. */
export function subgraphPort(entry: SubgraphEntry, env: NodeJS.ProcessEnv): number {
  const configured = env[entry.portVariable];
  if (configured === undefined || configured === "") return entry.port;
  const port = Number(configured);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${entry.portVariable} must be a port number, not "${configured}"`);
  return port;
}
