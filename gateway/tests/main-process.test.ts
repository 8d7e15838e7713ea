import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { post, SECRET, startHarness, type Harness } from "./fixtures/harness.js";

describe("gateway process (src/main.ts)", () => {
  let h: Harness;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = inject("databaseUrl" as never) as string;
    h = await startHarness(databaseUrl);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("starts from the environment, answers on /graphql and stops cleanly on SIGTERM", async () => {
    const supergraphPath = join(tmpdir(), `gateway-main-${process.pid}.graphql`);
    // The fixtures' supergraph, as `npm run schema` would have written it.
    const sdl = await (await import("./fixtures/harness.js")).composedFixtureSupergraph(h);
    await writeFile(supergraphPath, sdl);
    const child = spawn(process.execPath, ["--import", "tsx", "gateway/src/main.ts"], {
      env: {
        ...process.env,
        GATEWAY_PORT: "0",
        GATEWAY_HOST: "127.0.0.1",
        SUPERGRAPH_PATH: supergraphPath,
        IDENTITY_URL: h.accounts.url,
        DATABASE_URL: databaseUrl,
        PORTAL_SECRET: SECRET,
        DEFAULT_BUSINESS_SLUG: "acme",
        NODE_ENV: "production",
        TRUST_PROXY: "2",
        SUBGRAPH_TIMEOUT_MS: "2500",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        const match = /listening on (\S+)/.exec(line);
        if (match) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`gateway exited early with ${code}`)));
    });
    expect((await post(url, "{ portal { business { slug } } }")).json).toEqual({ data: { portal: { business: { slug: "acme" } } } });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("refuses to start with a message naming each wrong variable", async () => {
    const env = { ...process.env, DATABASE_URL: databaseUrl, PORTAL_SECRET: "short", TRUST_PROXY: "yes please", SUBGRAPH_TIMEOUT_MS: "0" };
    const child = spawn(process.execPath, ["--import", "tsx", "gateway/src/main.ts"], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/PORTAL_SECRET: must be at least 32 characters/);
    expect(stderr).toMatch(/TRUST_PROXY: must be false, true or a number of proxy hops/);
    expect(stderr).toMatch(/SUBGRAPH_TIMEOUT_MS: /);
  });
});
