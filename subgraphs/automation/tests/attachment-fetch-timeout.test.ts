import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TEST_SECRET } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billingReceiptPdf, documentsSignedPdf } from "../src/index.js";

/** A subgraph that accepts the connection and never answers. */
describe("attachments fetched from another subgraph that never answers", () => {
  let silent: Server;
  let url: string;
  beforeAll(async () => {
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("give up after their timeout, so the email's event is retried instead of waiting forever", async () => {
    const receipt = billingReceiptPdf({ billingUrl: () => url, portalSecret: TEST_SECRET, timeoutMs: 200 });
    const signed = documentsSignedPdf({ documentsUrl: () => url, portalSecret: TEST_SECRET, timeoutMs: 200 });
    const businessId = "00000000-0000-4000-8000-000000000001";
    await expect(receipt({ businessId, invoiceId: "00000000-0000-4000-8000-000000000002", number: 7 })).rejects.toThrow(/timeout|aborted/i);
    await expect(signed({ businessId, documentId: "00000000-0000-4000-8000-000000000003", title: "Agreement" })).rejects.toThrow(
      /timeout|aborted/i,
    );
  });
});
