import { randomUUID } from "node:crypto";

/** Carries one request's id from the client (or a proxy) to the gateway, its answer and every subgraph call. */
export const REQUEST_ID_HEADER = "x-request-id";

/** Ids a proxy or client may choose: short, printable, nothing that could break a log line or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{8,128}$/;

/** The incoming id when it looks like one, else undefined. */
export function saneRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && SANE_REQUEST_ID.test(value) ? value : undefined;
}

/** The incoming id when it looks like one, else a new one. */
export function requestIdFor(value: string | string[] | undefined): string {
  return saneRequestId(value) ?? randomUUID();
}
