import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { guardTextArguments } from "./input-guards.js";

type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

/**
 * type-graphql → SDL with directives → @apollo/subgraph. Reference resolvers are merged in so that
 * `_entities` lookups reach the subgraph's services; every text argument is refused with control
 * characters in it before its resolver runs (input-guards.ts).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ pubSub: announceInstead, ...options, skipCheck: true, validate: false });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  guardTextArguments(schema, resolvers);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema([
    {
      typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
      resolvers: resolvers as never,
    },
  ]);
}

/**
 * Subscriptions here name their source with `@Subscription({ subscribe })` over the LiveBus, and
 * changes are announced inside their transaction; an in-process pubSub would skip both.
 */
const announceInstead = {
  publish() {
    throw new Error("Use announce(em, ...) inside the transaction instead of pubSub.publish");
  },
  subscribe(): never {
    throw new Error("Give @Subscription a `subscribe` function over the LiveBus");
  },
};
