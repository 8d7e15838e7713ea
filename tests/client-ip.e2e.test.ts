import { randomBytes } from "node:crypto";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { startGateway, type RunningGateway } from "@portal/gateway";
import { createIdentitySubgraph } from "@portal/identity";
import { runSubgraph, TEST_SECRET, testRuntime, type RunningSubgraphProcess } from "@portal/kit";
import { parse } from "graphql";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const databaseUrl = () => inject("databaseUrl" as never) as string;

/** identity's default sign-in limits (SIGN_IN_LIMIT_PER_EMAIL / _PER_IP / _WINDOW_SECONDS). */
const DEFAULT_LIMITS = { perEmail: 5, perIp: 30, windowSeconds: 900 };

const REQUEST_SIGN_IN = `mutation ($email: String!) { requestSignIn(input: { email: $email }) { __typename } }`;

/**
 * Behind one reverse proxy (TRUST_PROXY=1) the client's address is what that proxy appended, the
 * rightmost X-Forwarded-For entry; entries left of it are whatever the client sent. The per-IP
 * sign-in limit is keyed on the address the gateway signs, so it must hold however the client
 * rotates the entries it controls.
 */
describe("client IP behind a trusted proxy", () => {
  let identity: RunningSubgraphProcess;
  let gateway: RunningGateway;
  beforeAll(async () => {
    const options = { portalSecret: TEST_SECRET, operatorEmails: [], signInLimits: DEFAULT_LIMITS, sessionTtlDays: 30, production: false };
    identity = await oneStartAtATime(() => runSubgraph(createIdentitySubgraph(options), testRuntime(databaseUrl())));
    const composed = composeServices([
      {
        name: "identity",
        url: identity.url,
        typeDefs: parse(printSubgraphSchema(await createIdentitySubgraph(options).buildSchema(identity))),
      },
    ]);
    if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join("\n"));
    gateway = await startGateway({
      port: 0,
      supergraphSdl: composed.supergraphSdl!,
      subgraphUrls: { identity: identity.url },
      identityInternalUrl: identity.url,
      portalSecret: TEST_SECRET,
      production: false,
      logging: false,
      trustProxy: 1,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
  });

  const requestSignIn = async (email: string, forwardedFor: string) => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ query: REQUEST_SIGN_IN, variables: { email } }),
    });
    const json = (await response.json()) as { data: { requestSignIn: { __typename: string } } };
    return json.data.requestSignIn.__typename;
  };

  it("holds the per-IP sign-in limit however the client rotates the X-Forwarded-For entries it controls", async () => {
    // The address our proxy saw: unique to this run, since the limiter's counters live in PostgreSQL.
    const proxied = `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
    const answers: string[] = [];
    for (let i = 0; i < 40; i++) {
      const spoofed = `198.51.100.${i}`;
      answers.push(await requestSignIn(`person-${i}-${randomBytes(3).toString("hex")}@example.test`, `${spoofed}, ${proxied}`));
    }
    expect(answers.slice(0, DEFAULT_LIMITS.perIp).every((name) => name === "RequestSignInSuccess")).toBe(true);
    expect(answers.slice(DEFAULT_LIMITS.perIp)).toEqual(Array(40 - DEFAULT_LIMITS.perIp).fill("RateLimitedError"));
    // Another client behind the same proxy is not affected.
    expect(
      await requestSignIn(
        `someone-else-${randomBytes(3).toString("hex")}@example.test`,
        `198.51.100.7, 2001:db8::${randomBytes(2).toString("hex")}`,
      ),
    ).toBe("RequestSignInSuccess");
  });
});

/**
 * Subgraph processes started in parallel test files create the same pg-boss queues; the platform
 * support starts them one at a time under this advisory lock, and so does this file.
 */
async function oneStartAtATime<T>(start: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: databaseUrl() });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock(hashtext('tests.start_platform'))");
    return await start();
  } finally {
    await lock.end();
  }
}
