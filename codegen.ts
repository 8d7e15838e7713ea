import { createHash } from "node:crypto";
import type { CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";

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
      // Apollo's cache adds __typename to every selection before sending; the app now sends only a
      // hash, so the persisted text must already ask for it.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      presetConfig: {
        fragmentMasking: false,
        // Trusted documents: each operation carries its hash (`__meta__.hash`), and
        // persisted-documents.json maps every hash to its text. The app sends hashes only; the gateway
        // loads the manifest and, in production, runs nothing else for browsers (gateway/src/trusted-documents.ts).
        // The hash is the plain hex sha256 of the document's text, as Apollo's persisted queries
        // (`extensions.persistedQuery.sha256Hash`) define it, without the preset's "sha256:" prefix.
        persistedDocuments: {
          mode: "embedHashInDocument",
          hashAlgorithm: (operation: string) => createHash("sha256").update(operation).digest("hex"),
        },
      },
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
