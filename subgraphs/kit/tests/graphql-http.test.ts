import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { MikroORM } from "@mikro-orm/postgresql";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildFederatedSchema,
  requestTarget,
  signCaller,
  startSubgraphServer,
  type Caller,
  type RunningSubgraph,
  type SubgraphContext,
} from "../src/index.js";

const SECRET = "g".repeat(40);
const GATEWAY_ACCEPT = "application/graphql-response+json, application/json, multipart/mixed";

@ObjectType({ description: "An item." })
class Item {
  @Field(() => ID, { description: "Its id." }) id!: string;
  @Field(() => String, { description: "Its name." }) name!: string;
  @Field(() => String, { nullable: true, description: "Always fails." })
  get broken(): string {
    throw new Error("this field is broken");
  }
}

let counter = 0;

@Resolver()
class ProbeResolver {
  @Query(() => [Item], { description: "Some items." })
  items(@Arg("count", () => Int) count: number): Item[] {
    return Array.from({ length: count }, (_, i) => Object.assign(new Item(), { id: String(i), name: `item ${i}` }));
  }

  @Query(() => String, { description: "Which path answered: Apollo Server's pipeline instruments the context it passes." })
  path(@Ctx() ctx: SubgraphContext): string {
    return Object.getOwnPropertySymbols(ctx).length > 0 ? "apollo" : "short";
  }

  @Query(() => String, { nullable: true, description: "Fails in the way asked." })
  failing(@Arg("kind", () => String) kind: string): string {
    if (kind === "coded") throw new GraphQLError("Not for you", { extensions: { code: "FORBIDDEN" } });
    if (kind === "http") throw new GraphQLError("Teapot", { extensions: { code: "TEAPOT", http: { status: 418 } } });
    throw new Error("database exploded");
  }

  @Query(() => String, { description: "Sets a header on the answer for the gateway." })
  header(@Arg("value", () => String) value: string, @Ctx() ctx: SubgraphContext): string {
    ctx.setResponseHeader("X-Portal-Set-Session", value);
    return value;
  }

  @Query(() => String, { description: "The caller's actor." })
  whoAmI(@Ctx() ctx: SubgraphContext): string {
    return `${ctx.caller.actor.kind}:${ctx.caller.actor.id}`;
  }

  @Query(() => String, { description: "Echoes single-line text." })
  echo(@Arg("text", () => String) text: string): string {
    return text;
  }

  @Subscription(() => Int, {
    description: "Ticks.",
    subscribe: async function* () {
      yield 1;
    },
  })
  ticks(@Root() tick: number): number {
    return tick;
  }

  @Mutation(() => Int, { description: "Counts up." })
  bump(@Arg("by", () => Int) by: number): number {
    counter += by;
    return counter;
  }
}

const caller = (): Caller => ({
  businessId: null,
  actor: { kind: "staff", id: "s1" },
  ip: "127.0.0.1",
  userAgent: "test",
  issuedAt: Date.now(),
});
/** Nothing here reads the database: a fork that only takes the tenant parameter. */
const orm = { em: { fork: () => ({ setFilterParams: () => undefined }) } } as unknown as MikroORM;

interface Answer {
  status: number;
  contentType: string | null;
  cacheControl: string | null;
  sessionHeader: string | null;
  body: unknown;
}

/** The answer as Apollo Server alone gives it, configured as the subgraph server configures it. */
async function apolloAnswer(apollo: ApolloServer<SubgraphContext>, body: string, accept: string | undefined): Promise<Answer> {
  const headers = new HeaderMap([["content-type", "application/json"]]);
  if (accept) headers.set("accept", accept);
  const extra = new Map<string, string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = body;
  }
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: "POST", headers, search: "", body: parsed },
    context: async () => ({
      caller: caller(),
      em: orm.em as never,
      setResponseHeader: (name, value) => extra.set(name.toLowerCase(), value),
    }),
  });
  if (result.body.kind !== "complete") throw new Error("unexpected chunked answer");
  return {
    status: result.status ?? 200,
    contentType: result.headers.get("content-type") ?? null,
    cacheControl: result.headers.get("cache-control") ?? null,
    sessionHeader: extra.get("x-portal-set-session") ?? null,
    body: normalise(JSON.parse(result.body.string)),
  };
}

async function serverAnswer(url: string, body: string, accept: string | undefined): Promise<Answer> {
  const signed = signCaller(SECRET, caller(), { method: "POST", path: requestTarget(url), body });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(accept ? { accept } : {}), ...signed },
    body,
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    cacheControl: response.headers.get("cache-control"),
    sessionHeader: response.headers.get("x-portal-set-session"),
    body: normalise(await response.json()),
  };
}

/** Stack traces differ below the resolver (the paths differ); their first line says what failed. */
function normalise(json: { errors?: { extensions?: { stacktrace?: string[] } }[] }): unknown {
  for (const error of json.errors ?? []) {
    const stacktrace = error.extensions?.stacktrace;
    if (stacktrace) error.extensions!.stacktrace = [stacktrace[0]!];
  }
  return json;
}

const requests: [name: string, body: unknown][] = [
  ["a list", { query: "{ items(count: 2) { id name __typename } }" }],
  ["variables", { query: "query Some($n: Int!) { items(count: $n) { id } }", variables: { n: 3 }, operationName: "Some" }],
  ["null variables, operation name and extensions", { query: "{ whoAmI }", variables: null, operationName: null, extensions: null }],
  ["extensions as the gateway sends them", { query: "{ whoAmI }", extensions: { clientLibrary: { name: "x" } } }],
  ["a variable of the wrong type", { query: "query Some($n: Int!) { items(count: $n) { id } }", variables: { n: "three" } }],
  ["a missing variable", { query: "query Some($n: Int!) { items(count: $n) { id } }" }],
  ["a syntax error", { query: "{ items(count: 1) { id " }],
  ["an unknown field", { query: "{ nope }" }],
  ["introspection", { query: "{ __schema { queryType { name } } }" }],
  ["__typename", { query: "{ __typename }" }],
  ["an error with a code", { query: `{ failing(kind: "coded") }` }],
  ["an unexpected error", { query: `{ failing(kind: "plain") }` }],
  ["an error asking for an HTTP status", { query: `{ failing(kind: "http") }` }],
  ["a field failing in a list", { query: "{ items(count: 2) { id broken } }" }],
  ["a control character refused", { query: "query ($t: String!) { echo(text: $t) }", variables: { t: "a\u0000b" } }],
  ["a response header from a resolver", { query: `{ header(value: "token-1") }` }],
  ["a mutation", { query: "mutation { bump(by: 1) }" }],
  ["two operations, one named", { query: "query A { whoAmI } query B { __typename }", operationName: "B" }],
  ["two operations, none named", { query: "query A { whoAmI } query B { __typename }" }],
  ["an unknown operation name", { query: "query A { whoAmI }", operationName: "C" }],
  ["a subscription over HTTP", { query: "subscription { ticks }" }],
  ["a batch", [{ query: "{ whoAmI }" }]],
  ["an empty query", { query: "" }],
  ["no query", { variables: {} }],
  ["a persisted query", { extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } }],
  ["variables as a string", { query: "{ whoAmI }", variables: "{}" }],
  ["a numeric operation name", { query: "{ whoAmI }", operationName: 5 }],
  ["a query that is not a string", { query: { kind: "Document" } }],
];

for (const production of [true, false]) {
  describe(`GraphQL over HTTP in ${production ? "production" : "development"}`, () => {
    let schema: GraphQLSchema;
    let server: RunningSubgraph;
    let apollo: ApolloServer<SubgraphContext>;

    beforeAll(async () => {
      schema = await buildFederatedSchema({ resolvers: [ProbeResolver] });
      server = await startSubgraphServer({ name: "probe", schema, orm, gatewaySecret: SECRET, port: 0, production });
      apollo = new ApolloServer<SubgraphContext>({
        schema,
        introspection: !production,
        includeStacktraceInErrorResponses: !production,
        csrfPrevention: false,
        plugins: [ApolloServerPluginInlineTraceDisabled()],
      });
      await apollo.start();
    });
    afterAll(async () => {
      await server?.stop();
      await apollo?.stop();
    });

    it("answers every request exactly as Apollo Server does", async () => {
      for (const accept of [undefined, GATEWAY_ACCEPT, "application/json", "*/*"]) {
        // Twice: once Apollo has told the server its content type for an Accept header, the short path answers.
        for (const round of [1, 2]) {
          for (const [name, body] of requests) {
            const text = JSON.stringify(body);
            counter = 0;
            const expected = await apolloAnswer(apollo, text, accept);
            counter = 0;
            const actual = await serverAnswer(server.url, text, accept);
            expect(actual, `${name} (accept ${accept ?? "none"}, round ${round})`).toEqual(expected);
          }
        }
      }
    });

    it("answers an ordinary operation on the short path, and Apollo only what is out of the ordinary", async () => {
      const path = (body: unknown, accept?: string) => serverAnswer(server.url, JSON.stringify(body), accept).then((answer) => answer.body);
      expect(await path({ query: "{ path }" })).toEqual({ data: { path: "short" } });
      expect(await path({ query: "{ path }" }, GATEWAY_ACCEPT)).toEqual({ data: { path: "short" } });
      // An Accept header never seen before: Apollo negotiates it once, then the short path knows it.
      const accept = "application/json;q=0.9, application/graphql-response+json";
      expect(await path({ query: "{ path }" }, accept)).toEqual({ data: { path: "apollo" } });
      expect(await path({ query: "{ path }" }, accept)).toEqual({ data: { path: "short" } });
      expect(await path({ query: "query A { path } query B { path }" })).toEqual({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "OPERATION_RESOLUTION_FAILURE" }) })],
      });
    });

    it("refuses introspection only in production, with Apollo Server's answer", async () => {
      const answer = await serverAnswer(server.url, JSON.stringify({ query: "{ __schema { queryType { name } } }" }), GATEWAY_ACCEPT);
      if (production) {
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({
          errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "GRAPHQL_VALIDATION_FAILED" }) })],
        });
      } else {
        expect(answer.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
      }
    });
  });
}
