import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import type { SubgraphDeps } from "@portal/kit";
import { parse, printSchema } from "graphql";
import { SUBGRAPHS } from "./subgraphs.js";

export interface ComposedSchemas {
  subgraphs: Record<string, string>;
  supergraph: string;
  api: string;
}

/**
 * Prints each subgraph's SDL and composes the supergraph. Building a schema never touches the
 * database, so the deps are left empty on purpose: a resolver that used them at build time would
 * fail here, loudly.
 */
export async function composeSchemas(): Promise<ComposedSchemas> {
  const subgraphs: Record<string, string> = {};
  for (const entry of SUBGRAPHS) {
    const definition = await entry.define("schema-printing-secret-0123456789abcdef");
    const schema = await definition.buildSchema({
      runtime: { databaseUrl: "", gatewaySecret: "", port: entry.port, production: false },
    } as SubgraphDeps);
    subgraphs[entry.name] = printSubgraphSchema(schema);
  }
  const result = composeServices(
    SUBGRAPHS.map((entry) => ({ name: entry.name, url: `http://127.0.0.1:${entry.port}/graphql`, typeDefs: parse(subgraphs[entry.name]) })),
  );
  if (result.errors?.length || !result.schema || !result.supergraphSdl) {
    throw new Error(`Composition failed:\n${(result.errors ?? []).map((error) => `  ${error.message}`).join("\n")}`);
  }
  return {
    subgraphs,
    supergraph: result.supergraphSdl,
    api: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}
