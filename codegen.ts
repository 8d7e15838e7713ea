import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed GraphQL operations for the web app. The schema is the public API the gateway serves
 * (`npm run schema` writes it); operations are the `graphql()` calls under web/src.
 * Run with `npm run codegen`; the output in web/src/gql/ is committed.
 */
const config: CodegenConfig = {
  schema: "schema/api.graphql",
  documents: ["web/src/**/*.{ts,tsx}", "!web/src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "web/src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: "string" },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
    // Apollo's cache must know which types implement UserError and belong to each result union,
    // or `... on UserError { message }` reads back empty.
    "web/src/gql/possible-types.ts": {
      plugins: ["fragment-matcher"],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;
