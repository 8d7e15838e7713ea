import { defaultClientConditions, defineConfig } from "vite";
import { graphqlDocuments } from "./build/graphqlDocuments.ts";
import { precompress } from "./build/precompress.ts";

/** The gateway serves /graphql (HTTP and graphql-ws) on port 4000; the dev server forwards to it. */
const gateway = process.env.PORTAL_GATEWAY_URL ?? "http://127.0.0.1:4000";

export default defineConfig(({ command }) => {
  // The build may be started from a test run (NODE_ENV=test), and web/dist is reused by `npm start`:
  // always build React's production bundle.
  if (command === "build") process.env.NODE_ENV = "production";
  return {
    plugins: [graphqlDocuments(), precompress()],
    // JSX compiles to Preact's React-compatible runtime (see resolve.alias).
    oxc: { jsx: { runtime: "automatic", importSource: "preact/compat" } },
    // rxjs (under Apollo Client) ships ES5 by default; its ES2015 build is smaller and every supported browser runs it.
    resolve: {
      conditions: [...defaultClientConditions, "es2015"],
      // The app is written against React's API and runs on Preact's compatibility layer: the same
      // components and libraries (React Router, Apollo Client) for about a sixth of React DOM's weight,
      // which keeps the sign-in page and dashboard under their 150 kB first load.
      alias: [
        { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
        { find: /^react-dom$/, replacement: "preact/compat" },
        { find: /^react\/jsx-runtime$/, replacement: "preact/compat/jsx-runtime" },
        { find: /^react\/jsx-dev-runtime$/, replacement: "preact/compat/jsx-dev-runtime" },
        { find: /^react$/, replacement: "preact/compat" },
      ],
    },
    server: {
      port: 5173,
      proxy: {
        "/graphql": { target: gateway, ws: true, changeOrigin: false },
      },
    },
    build: {
      outDir: "dist",
      // Source maps are for debugging a build, not for every visitor: only when asked for.
      sourcemap: process.env.WEB_SOURCEMAPS === "true",
      // Which chunks each page needs: bench/web-bundle.ts reads it to weigh the first load.
      manifest: true,
      rollupOptions: {
        // React Router marks its modules "use client" (meaningless in a browser bundle) and looks for
        // React 19's useOptimistic, which it does without; neither is worth a warning on every build.
        onLog(level, log, handler) {
          if (log.code === "MODULE_LEVEL_DIRECTIVE" && log.message.includes("react-router")) return;
          if (log.code === "IMPORT_IS_UNDEFINED" && log.message.includes("useOptimistic")) return;
          handler(level, log);
        },
        output: {
          // Libraries change less often than the app: their chunk stays cached across releases.
          manualChunks(id: string) {
            if (/node_modules\/(preact|react|react-dom|scheduler|react-router)\//.test(id)) return "react";
            if (/node_modules\/(@apollo|graphql|graphql-ws|rxjs|@wry|optimism|zen-observable|tslib)\//.test(id)) return "apollo";
            return undefined;
          },
        },
      },
    },
  };
});
