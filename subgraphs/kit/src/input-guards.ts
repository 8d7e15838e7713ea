import {
  defaultFieldResolver,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { Extensions } from "type-graphql";

const MULTILINE = "portalMultiline";
const MULTILINE_ARGS = "portalMultilineArgs";

/** On an input field (notes, messages, reasons): tab, newline and carriage return are welcome in it. */
export function Multiline() {
  return Extensions({ [MULTILINE]: true });
}

/** On a query or mutation: these top-level arguments, by name, are multi-line like `@Multiline()` fields. */
export function MultilineArgs(...names: string[]) {
  return Extensions({ [MULTILINE_ARGS]: names });
}

// C0 controls and DEL: a NUL reaches PostgreSQL as an error, the others hide in names and emails.
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f]/;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type Check = (value: unknown, path: string) => void;
const IN_PROGRESS: Check = () => undefined;

/** Thrown before the resolver runs, so nothing is read or written with the text. */
export function controlCharacterError(path: string): GraphQLError {
  return new GraphQLError(`${path} contains a control character (an invisible character such as NUL); remove it and try again.`, {
    extensions: { code: "BAD_USER_INPUT", field: path },
  });
}

function stringCheck(multiline: boolean): Check {
  const forbidden = multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN;
  return (value, path) => {
    if (typeof value === "string" && forbidden.test(value)) throw controlCharacterError(path);
  };
}

/** A checker for values of `type`, or null when it holds no text. Input objects are compiled once (they may nest themselves). */
function checkFor(type: GraphQLInputType, multiline: boolean, objects: Map<string, Check | null>): Check | null {
  if (isNonNullType(type)) return checkFor(type.ofType, multiline, objects);
  if (isListType(type)) {
    const item = checkFor(type.ofType, multiline, objects);
    if (!item) return null;
    return (value, path) => {
      if (!Array.isArray(value)) return item(value, path);
      for (const [index, entry] of value.entries()) item(entry, `${path}.${index}`);
    };
  }
  if (isScalarType(type)) return type.name === "String" || type.name === "ID" ? stringCheck(multiline) : null;
  if (!isInputObjectType(type)) return null; // enums
  if (objects.has(type.name)) {
    const known = objects.get(type.name);
    // Still being compiled: the type contains itself; look the finished check up when it runs.
    return known === IN_PROGRESS ? (value, path) => (objects.get(type.name) as Check | null)?.(value, path) : (known as Check | null);
  }
  objects.set(type.name, IN_PROGRESS);
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const check = checkFor(field.type, field.extensions?.[MULTILINE] === true, objects);
    return check ? [{ name: field.name, check }] : [];
  });
  const check: Check | null = fields.length
    ? (value, path) => {
        if (!value || typeof value !== "object") return;
        for (const field of fields) field.check((value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
      }
    : null;
  objects.set(type.name, check);
  return check;
}

function checkArguments(args: readonly GraphQLArgument[], multilineArgs: string[], objects: Map<string, Check | null>): Check | null {
  const checks = args.flatMap((arg) => {
    const check = checkFor(arg.type, multilineArgs.includes(arg.name), objects);
    return check ? [{ name: arg.name, check }] : [];
  });
  if (!checks.length) return null;
  return (args) => {
    for (const { name, check } of checks) check((args as Record<string, unknown>)[name], name);
  };
}

type ResolverEntry =
  | GraphQLFieldResolver<unknown, unknown>
  | { subscribe?: GraphQLFieldResolver<unknown, unknown>; resolve?: GraphQLFieldResolver<unknown, unknown> };

/**
 * Every text argument of every field is checked for control characters before its resolver runs
 * (C0 and DEL; tab, newline and carriage return only where marked multi-line), so no subgraph has
 * to remember it and no database error with the statement in it reaches the caller. Wraps the
 * resolvers of `schema` (as type-graphql built it, extensions included) in place.
 */
export function guardTextArguments(schema: GraphQLSchema, resolvers: Record<string, Record<string, unknown>>): void {
  const objects = new Map<string, Check | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const multilineArgs = (field.extensions?.[MULTILINE_ARGS] as string[] | undefined) ?? [];
      const check = checkArguments(field.args, multilineArgs, objects);
      if (!check) continue;
      resolvers[type.name] ??= {};
      const typeResolvers = resolvers[type.name];
      const entry = typeResolvers[field.name] as ResolverEntry | undefined;
      const guard =
        (resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
        (source, args, context, info) => {
          check(args, "");
          return resolve(source, args, context, info);
        };
      if (entry && typeof entry === "object" && entry.subscribe)
        typeResolvers[field.name] = { ...entry, subscribe: guard(entry.subscribe) };
      else typeResolvers[field.name] = guard((entry as GraphQLFieldResolver<unknown, unknown> | undefined) ?? defaultFieldResolver);
    }
  }
}
