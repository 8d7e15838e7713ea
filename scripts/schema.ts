import { mkdirSync, writeFileSync } from "node:fs";
import { composeSchemas } from "./compose.js";

/** `npm run schema`: writes schema/<subgraph>.graphql, schema/supergraph.graphql and schema/api.graphql. */
const composed = await composeSchemas();
mkdirSync("schema", { recursive: true });
for (const [name, sdl] of Object.entries(composed.subgraphs)) writeFileSync(`schema/${name}.graphql`, sdl);
writeFileSync("schema/supergraph.graphql", composed.supergraph);
writeFileSync("schema/api.graphql", composed.api);
console.log(`Wrote schema/ for ${Object.keys(composed.subgraphs).join(", ")}, supergraph and public API.`);
process.exit(0);
