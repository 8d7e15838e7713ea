import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { billing, identity } from "@portal/contracts";
import { type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { eventually, gql, publish, type TestBusiness } from "./helpers.js";

export const ENDPOINT_FIELDS = `id url description eventTypes enabled disabledAt disabledReason failingSince createdAt updatedAt`;
export const DELIVERY_FIELDS = `id endpointId eventId eventType body status attempts lastResponseCode lastError lastAttemptAt nextAttemptAt finishedAt
  attemptLog { number manual startedAt durationMs responseCode responseBody error succeeded }`;

const CREATE = `mutation Create($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
  __typename ... on UserError { message } ... on ValidationError { field }
  ... on WebhookEndpointCreated { secret endpoint { ${ENDPOINT_FIELDS} } } } }`;
const DELIVERIES = `query Deliveries($endpointId: ID!, $status: WebhookDeliveryStatus) {
  webhookDeliveries(endpointId: $endpointId, status: $status, first: 50) { totalCount edges { node { ${DELIVERY_FIELDS} } } } }`;

/** A receiver on loopback: records every request and answers with the scripted statuses, then `fallback`. */
export interface Receiver {
  url: string;
  requests: { headers: IncomingHttpHeaders; body: string }[];
  answers: number[];
  fallback: number;
  close(): Promise<void>;
}

export async function startReceiver(fallback = 200): Promise<Receiver> {
  const receiver: Receiver = { url: "", requests: [], answers: [], fallback, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      receiver.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = receiver.answers.shift() ?? receiver.fallback;
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status < 300 ? "ok" : `receiver says ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hooks`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

export async function createEndpoint(running: RunningSubgraphProcess, caller: Caller, input: Record<string, unknown>) {
  const response = await gql(running, caller, CREATE, { input: { eventTypes: ["billing.invoice.voided"], ...input } });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.createWebhookEndpoint;
}

export async function registered(running: RunningSubgraphProcess, caller: Caller, input: Record<string, unknown>) {
  const result = await createEndpoint(running, caller, input);
  if (result.__typename !== "WebhookEndpointCreated") throw new Error(`createWebhookEndpoint: ${JSON.stringify(result)}`);
  return result as { secret: string; endpoint: any };
}

export async function deliveriesOf(running: RunningSubgraphProcess, caller: Caller, endpointId: string): Promise<any[]> {
  const response = await gql(running, caller, DELIVERIES, { endpointId });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.webhookDeliveries.edges.map((edge: any) => edge.node);
}

/** Waits until the endpoint's only (or newest) delivery satisfies `check`. */
export function deliveryWhere(
  running: RunningSubgraphProcess,
  caller: Caller,
  endpointId: string,
  check: (delivery: any) => boolean,
  what: string,
) {
  return eventually(async () => (await deliveriesOf(running, caller, endpointId)).find(check), 20_000, what);
}

export const voided = (running: RunningSubgraphProcess, business: TestBusiness, number = 7) =>
  publish(running, billing.invoiceVoided, business, { invoiceId: randomUUID(), contactId: randomUUID(), number });

export function publishOwner(running: RunningSubgraphProcess, business: TestBusiness, email: string) {
  return publish(running, identity.staffChanged, business, {
    staff: { id: randomUUID(), name: "Olivia Owner", email, role: "OWNER", removed: false },
  });
}
