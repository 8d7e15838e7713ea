import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { Caller } from "./caller.js";
import { inChildSpan } from "./tracing/child-span.js";

/**
 * Subgraphs that share a process (the subgraph host of a small deployment, `npm start`) can answer
 * the gateway's parallel fetches of one request in ONE HTTP exchange: the gateway sends a batch to
 * any of them (`POST /graphql-batch`, signed once for the whole body), and each part is run by the
 * subgraph it names, in this process, as if it had come on its own. Fewer exchanges mean fewer
 * system calls, wake-ups and signatures on both sides (docs/performance.md, "Batched fetches").
 *
 * Every `/graphql` answer says which subgraphs this process serves and on which port
 * (`COLOCATED_HEADER`), so the gateway learns it without configuration: it batches only subgraphs
 * it reaches at that very port on the same host, so a subgraph behind a proxy or a balancer (a
 * different address) is always called on its own.
 */
export const COLOCATED_HEADER = "x-portal-colocated";
export const BATCH_PATH = "/graphql-batch";
/** Published as a batch part starts on a server (`{ server }`), as Node publishes `http.server.request.start` for a request. */
export const PART_START_CHANNEL = "portal.subgraph.part.start";
/** At most this many parts in one batch (a dashboard has one per section). */
export const MAX_BATCH_PARTS = 32;

/** A part's answer: the subgraph's status, response headers and JSON body, as a single call would give them. */
export interface PartAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a part is refused with: not served here (send it on its own), or not answered in time. */
export const NOT_HERE = 404;
export const TOO_LATE = 504;

interface LocalSubgraph {
  name: string;
  /** The secret the subgraph checks callers with: a batch only reaches subgraphs of the same one. */
  secret: string;
  answer(caller: Caller, body: string, requestId: string | undefined): Promise<PartAnswer | null>;
}

/** Every subgraph server of this process, by port (ports are unique in a process; names are not, in tests). */
const local = new Map<number, LocalSubgraph>();
let header = "";

/** Makes a subgraph reachable from batches sent to any subgraph of this process; the result unregisters it. */
export function serveColocated(port: number, subgraph: LocalSubgraph): () => void {
  local.set(port, subgraph);
  header = headerValue();
  return () => {
    if (local.get(port) === subgraph) local.delete(port);
    header = headerValue();
  };
}

/** `name=port` of every subgraph in this process, for `COLOCATED_HEADER`. */
export function colocatedHeader(): string {
  return header;
}

function headerValue(): string {
  return [...local].map(([port, { name }]) => `${name}=${port}`).join(",");
}

export interface BatchRequest {
  /** How long the parts may take, in ms: a part not answered by then is answered TOO_LATE. */
  deadlineMs: number;
  parts: { subgraph: string; port: number; body: string }[];
}

/** The batch's body, or null if it is not one. */
export function parseBatch(text: string): BatchRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const batch = value as Partial<BatchRequest> | null;
  if (!batch || typeof batch.deadlineMs !== "number" || !(batch.deadlineMs > 0) || !Array.isArray(batch.parts)) return null;
  if (batch.parts.length === 0 || batch.parts.length > MAX_BATCH_PARTS) return null;
  for (const part of batch.parts as unknown[]) {
    const { subgraph, port, body } = (part ?? {}) as Record<string, unknown>;
    if (typeof subgraph !== "string" || typeof port !== "number" || typeof body !== "string") return null;
  }
  return batch as BatchRequest;
}

/**
 * Runs every part, each by its own subgraph with the batch's (verified) caller, and answers them in
 * order as one JSON text: `{"parts":[{"status":…,"headers":{…},"body":<the part's JSON>}…]}`. A
 * part's body is the subgraph's JSON answer, embedded as it is rather than parsed and written again.
 */
export async function answerBatch(batch: BatchRequest, caller: Caller, secret: string, requestId: string | undefined): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<PartAnswer>((resolve) => {
    timer = setTimeout(() => resolve(refused(TOO_LATE)), batch.deadlineMs);
  });
  try {
    const answers = await Promise.all(
      batch.parts.map((part) => {
        const subgraph = local.get(part.port);
        if (!subgraph || subgraph.name !== part.subgraph || subgraph.secret !== secret) return refused(NOT_HERE);
        const answered = inPartSpan(part.subgraph, () => subgraph.answer(caller, part.body, requestId)).then(
          (answer) => answer ?? refused(NOT_HERE),
        );
        return Promise.race([answered, late]);
      }),
    );
    return `{"parts":[${answers.map((answer) => `{"status":${answer.status},"headers":${JSON.stringify(answer.headers)},"body":${answer.body}}`).join(",")}]}`;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * In a traced request, each part gets a span of its own under the batch's HTTP span, so a trace
 * shows which subgraph's part took the time and holds that part's SQL, as a call of its own would.
 */
function inPartSpan(subgraph: string, answer: () => Promise<PartAnswer | null>): Promise<PartAnswer | null> {
  return inChildSpan(`batch part ${subgraph}`, { kind: SpanKind.INTERNAL, attributes: { "portal.subgraph": subgraph } }, async (span) => {
    const answered = await answer();
    if (answered) span?.setAttribute("http.response.status_code", answered.status);
    if (!answered || answered.status >= 500) span?.setStatus({ code: SpanStatusCode.ERROR });
    return answered;
  });
}

function refused(status: number): PartAnswer {
  return { status, headers: {}, body: "null" };
}
