import { defaultClientConditions, defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { graphqlDocuments } from "./build/graphqlDocuments.ts";
import { precompress } from "./build/precompress.ts";

/** The gateway serves /graphql (HTTP and graphql-ws) on port 4000; the dev server forwards to it. */
const gateway = process.env.PORTAL_GATEWAY_URL ?? "http://127.0.0.1:4000";

export default defineConfig(({ command }) => {
  // The build may be started from a test run (NODE_ENV=test), and web/dist is reused by `npm start`:
  // always build React's production bundle.
  if (command === "build") process.env.NODE_ENV = "production";
  return {
    plugins: [graphqlDocuments(), react(), precompress()],
    // rxjs (under Apollo Client) ships ES5 by default; its ES2015 build is smaller and every supported browser runs it.
    resolve: { conditions: [...defaultClientConditions, "es2015"] },
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
        output: {
          // Libraries change less often than the app: their chunk stays cached across releases.
          manualChunks(id: string) {
            if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return "react";
            if (/node_modules\/(@apollo|graphql|graphql-ws|rxjs|@wry|optimism|zen-observable|tslib)\//.test(id)) return "apollo";
            return undefined;
          },
        },
      },
    },
  };
});
