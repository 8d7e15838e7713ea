import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "graphql";
import type { Plugin } from "vite";

/** Every operation written as graphql(`...`) in the app; codegen writes one typed document for each. */
const GRAPHQL_CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
/** One document in codegen's web/src/gql/graphql.ts: `export const XDocument = {…} as unknown as DocumentNode<…>;`. */
const GENERATED_DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
const PREFIX = "virtual:graphql-document/";

/**
 * Gives each page only the GraphQL documents it uses. codegen's `graphql()` looks documents up in a
 * map of all of the app's operations, and its web/src/gql/graphql.ts holds them all in one module,
 * which a bundler keeps whole in one chunk: either way every lazily loaded page's queries would be in
 * the first download. So each `graphql(\`...\`)` call becomes an import of the document codegen
 * generated for it, served as a module of its own (what the client preset's Babel and SWC plugins do,
 * one step further). Imports are appended, so no line of the source moves.
 */
export function graphqlDocuments(): Plugin {
  let generatedFile = "";
  let generated: Map<string, string> | undefined;
  return {
    name: "portal-graphql-documents",
    enforce: "pre",
    configResolved(config) {
      generatedFile = resolve(config.root, "src/gql/graphql.ts");
    },
    watchChange(id) {
      if (id === generatedFile) generated = undefined;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes("/src/gql/") || !code.includes("graphql(")) return null;
      const imports = new Map<string, string>();
      const replaced = code.replace(GRAPHQL_CALL, (call, source: string) => {
        const name = generatedName(source, id);
        const alias = `__graphql_${name}`;
        imports.set(name, alias);
        // Keep the call's line breaks so the lines after it stay where they were.
        return alias + "\n".repeat(call.split("\n").length - 1);
      });
      if (imports.size === 0) return null;
      const lines = [...imports].map(([name, alias]) => `import ${alias} from ${JSON.stringify(PREFIX + name)};`);
      // No mappings change: every line keeps its place.
      return { code: `${replaced}\n${lines.join("\n")}\n`, map: null };
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      this.addWatchFile(generatedFile);
      generated ??= documentsIn(readFileSync(generatedFile, "utf8"));
      const name = id.slice(PREFIX.length + 1);
      const document = generated.get(name);
      if (!document) this.error(`${name} is not in web/src/gql/graphql.ts: run npm run codegen`);
      return `export default ${document};\n`;
    },
  };
}

/** The name codegen's client preset gives the document: `XDocument` for an operation, `XFragmentDoc` for a fragment. */
function generatedName(source: string, file: string): string {
  const [first] = parse(source).definitions;
  if (first?.kind === "OperationDefinition" && first.name) return `${first.name.value}Document`;
  if (first?.kind === "FragmentDefinition") return `${first.name.value}FragmentDoc`;
  throw new Error(`${file}: every graphql() operation needs a name, for codegen to generate its document`);
}

function documentsIn(source: string): Map<string, string> {
  return new Map([...source.matchAll(GENERATED_DOCUMENT)].map(([, name, json]) => [name!, json!]));
}
