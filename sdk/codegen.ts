import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The SDK's typed operations, from the public schema and the operations in sdk/operations/.
 * Run from the repository root with `npm run sdk`; the output, sdk/src/generated/graphql.ts, is committed
 * (tests/sdk.test.ts fails when it is stale). Documents are emitted as strings, so the SDK needs no
 * GraphQL library at run time.
 */
const config: CodegenConfig = {
  schema: "schema/api.graphql",
  documents: ["sdk/operations/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "sdk/src/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        documentMode: "string",
        scalars: { DateTimeISO: "string" },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
