import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { CALLER_HEADER, SIGNATURE_HEADER, verifyCaller, type Caller } from "@portal/kit";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../src/files.js";
import { ACME, API_KEY } from "./fixtures/accounts.js";
import { cookieFrom, post, SECRET, startHarness, type Harness } from "./fixtures/harness.js";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  caller: Caller | null;
}

/**
 * A loopback stand-in for a subgraph's `/files/...` endpoint: records what arrived and answers like
 * the documents subgraph does (JSON page facts for a PDF, a 400 naming the field otherwise).
 */
async function startFileService() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const caller = verifyCaller(
        SECRET,
        req.headers[CALLER_HEADER] as string | undefined,
        req.headers[SIGNATURE_HEADER] as string | undefined,
        { method: req.method!, path: req.url!, body },
      );
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body, caller });
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", "set-cookie": "sneaky=1" });
        res.end(JSON.stringify(json));
      };
      if (!caller) return reply(401, { error: "Missing or invalid gateway signature" });
      if (req.method !== "POST") return reply(200, { method: req.method });
      if (!body.subarray(0, 5).equals(Buffer.from("%PDF-")))
        return reply(400, { error: { field: "file", message: "The file is not a PDF." } });
      reply(200, { pageCount: 1, pages: [{ number: 1, width: 612, height: 792 }], size: body.length });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/graphql`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A PDF-looking body with every byte value in it, so any re-encoding on the way would show. */
function pdfBytes(size = 2048): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 256;
  Buffer.from("%PDF-1.7\n").copy(bytes);
  return bytes;
}

describe("uploads through the gateway", () => {
  let h: Harness;
  let files: Awaited<ReturnType<typeof startFileService>>;
  let base: string;
  let cookie: string;
  beforeAll(async () => {
    files = await startFileService();
    h = await startHarness(inject("databaseUrl" as never) as string, { subgraphUrls: { billing: files.url } });
    base = new URL(h.gateway.url).origin;
    const signIn = await post(h.gateway.url, `mutation { signIn(email: "uploads@example.com") }`);
    cookie = cookieFrom(signIn.headers.get("set-cookie"));
  });
  afterAll(async () => {
    await h?.stop();
    await files?.close();
  });
  beforeEach(() => {
    files.received.length = 0;
  });

  const upload = (body: BodyInit, headers: Record<string, string> = {}, path = "/files/billing/documents/d-1/original.pdf") =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/pdf", ...headers },
      body,
      duplex: "half",
    } as RequestInit);

  it("relays a PDF byte for byte with the signed caller and its file name, and the subgraph's JSON answer", async () => {
    const pdf = pdfBytes();
    const response = await upload(new Uint8Array(pdf), { "x-file-name": "Service agreement.pdf" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toEqual({ pageCount: 1, pages: [{ number: 1, width: 612, height: 792 }], size: pdf.length });

    const [call] = files.received;
    expect(files.received).toHaveLength(1);
    expect(call).toMatchObject({ method: "POST", url: "/files/documents/d-1/original.pdf" });
    expect(call!.body.equals(pdf)).toBe(true);
    expect(call!.headers["content-type"]).toBe("application/pdf");
    expect(call!.headers["x-file-name"]).toBe("Service agreement.pdf");
    expect(call!.headers.cookie).toBeUndefined();
    expect(call!.caller).toMatchObject({ businessId: ACME.id, actor: { kind: "contact" } });
  });

  it("authenticates a Bearer API key, and passes anonymous callers on as anonymous", async () => {
    await fetch(`${base}/files/billing/documents/d-2/original.pdf`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY.secret}`, "content-type": "application/pdf" },
      body: new Uint8Array(pdfBytes()),
    });
    await fetch(`${base}/files/billing/documents/d-3/original.pdf`, {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body: new Uint8Array(pdfBytes()),
    });
    expect(files.received.map((call) => [call.url, call.caller?.actor.kind])).toEqual([
      ["/files/documents/d-2/original.pdf", "apiKey"],
      ["/files/documents/d-3/original.pdf", "anonymous"],
    ]);
  });

  it("relays the subgraph's refusal with its status and JSON body", async () => {
    const response = await upload(new Uint8Array(Buffer.from("not a pdf at all")));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { field: "file", message: "The file is not a PDF." } });
  });

  it("answers 415 for anything but application/pdf, without calling the subgraph", async () => {
    for (const type of ["text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json"]) {
      const response = await upload(new Uint8Array(pdfBytes()), { "content-type": type });
      expect(response.status, type).toBe(415);
      expect((await response.json()).error.field).toBe("file");
    }
    const untyped = await fetch(`${base}/files/billing/documents/d-1/original.pdf`, {
      method: "POST",
      headers: { cookie },
      body: new Uint8Array(pdfBytes()),
    });
    expect(untyped.status).toBe(415);
    expect(files.received).toEqual([]);
    expect((await upload(new Uint8Array(pdfBytes()), { "content-type": "Application/PDF; charset=binary" })).status).toBe(200);
  });

  it("takes exactly the limit, and answers 413 past it without calling the subgraph, declared or streamed", async () => {
    const atLimit = await upload(new Uint8Array(pdfBytes(DEFAULT_MAX_UPLOAD_BYTES)));
    expect(atLimit.status).toBe(200);
    expect((await atLimit.json()).size).toBe(DEFAULT_MAX_UPLOAD_BYTES);
    files.received.length = 0;

    const declared = await upload(new Uint8Array(pdfBytes(DEFAULT_MAX_UPLOAD_BYTES + 1)));
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.field).toBe("file");

    // Without a declared length (chunked), the relay counts while reading.
    const chunk = new Uint8Array(pdfBytes(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > DEFAULT_MAX_UPLOAD_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await upload(stream);
    expect(streamed.status).toBe(413);
    expect(files.received).toEqual([]);
  });

  it("answers 404 for an unknown subgraph or an odd path, and still relays downloads as before", async () => {
    expect((await upload(new Uint8Array(pdfBytes()), {}, "/files/nowhere/documents/d-1/original.pdf")).status).toBe(404);
    expect((await upload(new Uint8Array(pdfBytes()), {}, "/files/billing/documents/..%2Fsecret")).status).toBe(404);
    expect(files.received).toEqual([]);
    const download = await fetch(`${base}/files/billing/documents/d-1/original.pdf`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(await download.json()).toEqual({ method: "GET" });
    expect(files.received.map((call) => [call.method, call.body.length])).toEqual([["GET", 0]]);
  });
});
