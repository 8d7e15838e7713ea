import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
}

/**
 * Refuses costly documents while parsing and validating, which the gateway does before it plans
 * or sends anything to a subgraph. The token limit stops the parser itself; depth and aliases are
 * validation rules, measured through fragments (memoised, so fragment fan-out stays linear).
 */
export function useOperationLimits(limits: OperationLimits): GatewayPlugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => parseFn(source, { ...options, maxTokens: limits.maxTokens }));
    },
    onValidate({ addValidationRule }) {
      addValidationRule(maxDepthRule(limits.maxDepth));
      addValidationRule(maxAliasesRule(limits.maxAliases));
    },
  };
}

type Measure = (selectionSet: SelectionSetNode) => number;

function fragmentMeasure(
  context: ValidationContext,
  combine: (children: number[]) => number,
  ownOf: (field: FieldNode, child: number | null) => number,
): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const measure: Measure = (selectionSet) => {
    const results: number[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        results.push(ownOf(selection, selection.selectionSet ? measure(selection.selectionSet) : null));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        results.push(measure(selection.selectionSet));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue; // unknown or cyclic: other rules report it
        if (!memo.has(name)) {
          visiting.add(name);
          memo.set(name, measure(fragment.selectionSet));
          visiting.delete(name);
        }
        results.push(memo.get(name)!);
      }
    }
    return combine(results);
  };
  return measure;
}

/** Depth of the standard introspection query (graphql-js `getIntrospectionQuery`), which GraphiQL and codegen send. */
export const MAX_INTROSPECTION_DEPTH = 15;

const isIntrospectionRoot = (name: string) => name === "__schema" || name === "__type";

/**
 * Depth counts nested fields. Introspection fields count too (`__schema { types { fields { type {
 * ofType ...` can nest as deep as any query, and development mode serves introspection), against
 * their own limit: the standard introspection query and nothing deeper, so tooling keeps working.
 */
export function maxDepthRule(maxDepth: number, maxIntrospectionDepth = MAX_INTROSPECTION_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const deepest = (children: number[]) => Math.max(0, ...children);
    // Depth of the operation's own fields, leaving introspection subtrees out…
    const depthOf = fragmentMeasure(context, deepest, (field, child) => (isIntrospectionRoot(field.name.value) ? 0 : 1 + (child ?? 0)));
    // …and of the paths through an introspection field, counted from the operation's root.
    const fullDepthOf = fragmentMeasure(context, deepest, (_field, child) => 1 + (child ?? 0));
    const introspectionDepthOf = fragmentMeasure(context, deepest, (field, child) => {
      if (isIntrospectionRoot(field.name.value)) return 1 + (field.selectionSet ? fullDepthOf(field.selectionSet) : 0);
      return child ? 1 + child : 0;
    });
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Operation depth ${depth} exceeds the maximum of ${maxDepth}.`, { nodes: [operation] }));
          return;
        }
        const introspectionDepth = introspectionDepthOf(operation.selectionSet);
        if (introspectionDepth > maxIntrospectionDepth) {
          context.reportError(
            new GraphQLError(`Introspection depth ${introspectionDepth} exceeds the maximum of ${maxIntrospectionDepth}.`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}

export function maxAliasesRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    const aliasesIn = fragmentMeasure(
      context,
      (children) => children.reduce((sum, count) => sum + count, 0),
      (field, child) => (field.alias ? 1 : 0) + (child ?? 0),
    );
    return {
      OperationDefinition(operation) {
        const aliases = aliasesIn(operation.selectionSet);
        if (aliases > maxAliases) {
          context.reportError(new GraphQLError(`Operation uses ${aliases} aliases; the maximum is ${maxAliases}.`, { nodes: [operation] }));
        }
      },
    };
  };
}
