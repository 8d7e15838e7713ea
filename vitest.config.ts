import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    include: ["subgraphs/*/tests/**/*.test.ts", "gateway/tests/**/*.test.ts", "tests/**/*.test.ts", "web/src/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // type-graphql must share one `graphql` module instance with the schema builders.
    server: { deps: { inline: ["type-graphql"] } },
    fileParallelism: true,
    // Files share a worker's modules instead of loading and compiling the whole server stack again for
    // each file (isolated, the suite took twice as long: ~19 min against ~9 here). Every file makes its
    // own business, database schema state and servers, so nothing a file needs is left by another.
    isolate: false,
    maxWorkers: 2,
  },
  // Node loads graphql's CommonJS build for external packages; inlined code must get the same one.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql/index.js") }] },
});
