import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { post, startHarness, type Harness } from "./fixtures/harness.js";

describe("gateway serving the built web app", () => {
  let h: Harness;
  let origin: string;
  beforeAll(async () => {
    const dist = await mkdtemp(join(tmpdir(), "portal-web-"));
    await mkdir(join(dist, "assets"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>Portal</title>");
    await writeFile(join(dist, "assets", "index-3f9a1c.js"), "console.log('portal')");
    await writeFile(join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    h = await startHarness(inject("databaseUrl" as never) as string, { webDistDir: dist });
    origin = new URL(h.gateway.url).origin;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("serves files with their content type; hashed assets are cached for good, the rest revalidated", async () => {
    const asset = await fetch(`${origin}/assets/index-3f9a1c.js`);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await asset.text()).toBe("console.log('portal')");
    const icon = await fetch(`${origin}/favicon.svg`);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(icon.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers client-side routes with index.html, but a missing asset with 404", async () => {
    const route = await fetch(`${origin}/admin/contacts?status=ACTIVE`);
    expect(route.status).toBe(200);
    expect(route.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await route.text()).toContain("<title>Portal</title>");
    expect((await fetch(`${origin}/assets/missing-000000.js`)).status).toBe(404);
  });

  it("never serves files outside the web app folder", async () => {
    const response = await fetch(`${origin}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await response.text()).not.toContain("root:");
  });

  it("keeps /graphql and the health checks for the gateway on the same origin", async () => {
    expect((await post(h.gateway.url, "{ invoiceCount }")).json).toEqual({ data: { invoiceCount: 3 } });
    for (const path of ["/health", "/readiness"]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type") ?? "").not.toMatch(/html/);
    }
  });
});

/** Raw GET (fetch would decompress and hide the encoding). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("gateway serving the real build of the web app", () => {
  let h: Harness;
  let origin: string;
  let script: string;
  beforeAll(async () => {
    // The global test setup builds web/dist when it is stale.
    const html = await readFile("web/dist/index.html", "utf8");
    script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)![1];
    h = await startHarness(inject("databaseUrl" as never) as string, { webDistDir: "web/dist" });
    origin = new URL(h.gateway.url).origin;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("sends a hashed asset brotli-compressed to a browser that accepts it, cached for good", async () => {
    const plain = await readFile(join("web/dist", script));
    const response = await rawGet(`${origin}${script}`, { "accept-encoding": "gzip, deflate, br" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers.vary).toBe("accept-encoding");
    expect(response.body.length).toBeLessThan(plain.length / 3);
    expect(brotliDecompressSync(response.body).equals(plain)).toBe(true);
  });

  it("falls back to gzip, then to the plain file, as the browser accepts", async () => {
    const plain = await readFile(join("web/dist", script));
    const gzip = await rawGet(`${origin}${script}`, { "accept-encoding": "gzip, br;q=0" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(plain)).toBe(true);
    const identity = await rawGet(`${origin}${script}`, {});
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });

  it("revalidates index.html on every visit and ships no source maps by default", async () => {
    const page = await rawGet(`${origin}/invoices`, { "accept-encoding": "br" });
    expect(page.headers["cache-control"]).toBe("no-cache");
    const assets = await readdir("web/dist/assets");
    expect(assets.filter((name) => name.endsWith(".map"))).toEqual([]);
    expect((await rawGet(`${origin}${script}.map`, {})).status).toBe(404);
    expect((await rawGet(`${origin}${script}.br`, {})).status).toBe(404);
  });
});
