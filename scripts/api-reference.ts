import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  print,
  type GraphQLType,
} from "graphql";

/**
 * `npm run api-reference` (also part of `npm run schema`): docs/api-reference.html, the public
 * schema's reference for integrators, one self-contained page (no scripts or styles loaded from
 * elsewhere) built from the descriptions every type and field carries. Output is deterministic, so
 * tests/api-reference.test.ts can tell when the checked-in page is stale.
 */
export const API_REFERENCE_PATH = "docs/api-reference.html";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Descriptions are plain text with `code` spans; paragraphs are separated by blank lines. */
function prose(description: string | null | undefined): string {
  if (!description) return "";
  return description
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/`([^`]+)`/g, "<code>$1</code>")}</p>`)
    .join("");
}

const typeAnchor = (name: string) => `type-${name}`;

/** A field's type with its list and non-null wrappers, the named type linked to its entry. */
function typeRef(type: GraphQLType): string {
  const named = getNamedType(type);
  const link = `<a href="#${typeAnchor(named.name)}">${named.name}</a>`;
  return escapeHtml(type.toString()).replace(named.name, link);
}

function deprecation(reason: string | null | undefined): string {
  return reason ? `<p class="deprecated">Deprecated: ${escapeHtml(reason)}</p>` : "";
}

function defaultValue(arg: GraphQLArgument | GraphQLInputField): string {
  const ast = arg.astNode?.defaultValue;
  return ast ? ` = <code>${escapeHtml(print(ast))}</code>` : "";
}

function argumentList(args: readonly GraphQLArgument[]): string {
  if (!args.length) return "";
  const rows = args
    .map(
      (a) =>
        `<li><code>${a.name}: ${typeRef(a.type)}${defaultValue(a)}</code>${prose(a.description)}${deprecation(a.deprecationReason)}</li>`,
    )
    .join("");
  return `<ul class="args">${rows}</ul>`;
}

function fieldEntry(field: GraphQLField<unknown, unknown>, anchor: string): string {
  const args = field.args.length ? "(…)" : "";
  return (
    `<div class="field" id="${anchor}"><h4>${field.name}${args}: <code>${typeRef(field.type)}</code></h4>` +
    `${prose(field.description)}${deprecation(field.deprecationReason)}${argumentList(field.args)}</div>`
  );
}

function inputFieldEntry(field: GraphQLInputField, anchor: string): string {
  return (
    `<div class="field" id="${anchor}"><h4>${field.name}: <code>${typeRef(field.type)}${defaultValue(field)}</code></h4>` +
    `${prose(field.description)}${deprecation(field.deprecationReason)}</div>`
  );
}

function operationSection(title: string, id: string, type: ReturnType<GraphQLSchema["getQueryType"]>): string {
  if (!type) return "";
  const fields = Object.values(type.getFields()).sort((a, b) => a.name.localeCompare(b.name));
  return `<section id="${id}"><h2>${title}</h2>${fields.map((f) => fieldEntry(f, `${id}-${f.name}`)).join("")}</section>`;
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "object";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  if (isInputObjectType(type)) return "input";
  return "scalar";
}

function typeSection(type: GraphQLNamedType, schema: GraphQLSchema): string {
  const anchor = typeAnchor(type.name);
  const parts = [`<h3><span class="kind">${kindOf(type)}</span> ${type.name}</h3>`, prose(type.description)];
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces();
    if (interfaces.length) parts.push(`<p>Implements ${interfaces.map((i) => typeRef(i)).join(", ")}.</p>`);
    if (isInterfaceType(type)) {
      const implementations = schema.getPossibleTypes(type);
      parts.push(`<p>Implemented by ${implementations.map((t) => typeRef(t)).join(", ")}.</p>`);
    }
    parts.push(...Object.values(type.getFields()).map((f) => fieldEntry(f, `${anchor}.${f.name}`)));
  } else if (isUnionType(type)) {
    parts.push(
      `<p>One of ${type
        .getTypes()
        .map((t) => typeRef(t))
        .join(", ")}.</p>`,
    );
  } else if (isEnumType(type)) {
    const values = type
      .getValues()
      .map((v) => `<li id="${anchor}.${v.name}"><code>${v.name}</code>${prose(v.description)}${deprecation(v.deprecationReason)}</li>`);
    parts.push(`<ul class="values">${values.join("")}</ul>`);
  } else if (isInputObjectType(type)) {
    parts.push(...Object.values(type.getFields()).map((f) => inputFieldEntry(f, `${anchor}.${f.name}`)));
  }
  return `<section class="type" id="${anchor}">${parts.join("")}</section>`;
}

const STYLE = `
:root { color-scheme: light dark; --accent: #2457c5; --muted: #5f6670; --line: #d9dde3; }
@media (prefers-color-scheme: dark) { :root { --accent: #8fb0ff; --muted: #a3a9b2; --line: #3a3f46; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; display: grid; grid-template-columns: 18rem 1fr; }
nav { position: sticky; top: 0; height: 100vh; overflow-y: auto; overflow-wrap: anywhere; padding: 1rem; border-right: 1px solid var(--line); font-size: 0.9rem; }
nav h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 1.25rem 0 0.25rem; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav input { width: 100%; padding: 0.4rem; font: inherit; }
main { padding: 1rem 2rem 4rem; max-width: 60rem; }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
code { font: 0.9em ui-monospace, monospace; }
main h2 { border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; margin-top: 2.5rem; }
h3 { margin: 2rem 0 0.25rem; }
h4 { margin: 1rem 0 0; font-weight: 600; }
.kind { font-size: 0.75rem; text-transform: uppercase; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3rem; vertical-align: middle; }
.field { border-left: 3px solid var(--line); padding-left: 0.75rem; margin: 0.5rem 0; }
.field p, .args p, .values p { margin: 0.1rem 0; color: var(--muted); }
.args, .values { margin: 0.25rem 0; }
.deprecated, .field p.deprecated, .args p.deprecated, .values p.deprecated { color: #b54708; }
@media (max-width: 50rem) { body { display: block; } nav { position: static; height: auto; border-right: 0; } }
`;

/** Hides entries of the index that do not contain the filter text; the page works without it. */
const FILTER_SCRIPT = `
document.getElementById("filter").addEventListener("input", (event) => {
  const text = event.target.value.toLowerCase();
  for (const item of document.querySelectorAll("nav li")) item.hidden = !item.textContent.toLowerCase().includes(text);
});
`;

export function renderApiReference(sdl: string): string {
  const schema = buildSchema(sdl);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const rootNames = new Set(roots.map((t) => t?.name));
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith("__") && !rootNames.has(t.name))
    .sort((a, b) => a.name.localeCompare(b.name));

  const operations: [string, string, (typeof roots)[number]][] = [
    ["Queries", "query", roots[0]],
    ["Mutations", "mutation", roots[1]],
    ["Subscriptions", "subscription", roots[2]],
  ];
  const index = (title: string, entries: { name: string; href: string }[]) =>
    entries.length ? `<h2>${title}</h2><ul>${entries.map((e) => `<li><a href="#${e.href}">${e.name}</a></li>`).join("")}</ul>` : "";
  const nav = [
    `<label for="filter">Filter</label><input id="filter" type="search" placeholder="e.g. invoice">`,
    ...operations.map(([title, id, type]) =>
      index(
        title,
        Object.keys(type?.getFields() ?? {})
          .sort()
          .map((name) => ({ name, href: `${id}-${name}` })),
      ),
    ),
    index(
      "Types",
      types.map((t) => ({ name: t.name, href: typeAnchor(t.name) })),
    ),
  ].join("");

  const intro = `<h1>Client Portal GraphQL API reference</h1>
<p>The public schema (<code>schema/api.graphql</code>) served at <code>/graphql</code>. Integrators authenticate with
<code>Authorization: Bearer &lt;API key&gt;</code> (keys are created by staff in the admin console, with the READ or WRITE scope);
subscriptions use graphql-ws on the same URL with <code>connectionParams: { Authorization: "Bearer &lt;API key&gt;" }</code>.
Lists are Relay connections (<code>first</code> up to 100, <code>after</code>, <code>pageInfo</code>, <code>totalCount</code>).
Expected failures are typed results implementing <a href="#${typeAnchor("UserError")}">UserError</a>; authentication and
permission failures are errors with <code>extensions.code</code> <code>UNAUTHENTICATED</code> or <code>FORBIDDEN</code>.
A typed TypeScript client is in <code>sdk/</code>.</p>`;

  const body = [
    intro,
    ...operations.map(([title, id, type]) => operationSection(title, id, type)),
    `<section id="types"><h2>Types</h2>${types.map((t) => typeSection(t, schema)).join("")}</section>`,
  ].join("\n");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Client Portal GraphQL API reference</title>
<style>${STYLE}</style>
</head>
<body>
<nav aria-label="API index">${nav}</nav>
<main>
${body}
</main>
<script>${FILTER_SCRIPT}</script>
</body>
</html>
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(API_REFERENCE_PATH, renderApiReference(readFileSync("schema/api.graphql", "utf8")));
  console.log(`Wrote ${API_REFERENCE_PATH}.`);
}
