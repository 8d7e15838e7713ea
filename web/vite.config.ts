import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/** The gateway serves /graphql (HTTP and graphql-ws) on port 4000; the dev server forwards to it. */
const gateway = process.env.PORTAL_GATEWAY_URL ?? "http://127.0.0.1:4000";

export default defineConfig(({ command }) => {
  // The build may be started from a test run (NODE_ENV=test), and web/dist is reused by `npm start`:
  // always build React's production bundle.
  if (command === "build") process.env.NODE_ENV = "production";
  return {
    plugins: [react()],
    server: {
      port: 5173,
      proxy: {
        "/graphql": { target: gateway, ws: true, changeOrigin: false },
      },
    },
    // One bundle for the whole app (about 175 kB gzipped, React and Apollo included) is fine here.
    build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 800 },
  };
});
