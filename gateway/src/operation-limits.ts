import {
  GraphQLError, Kind,
  type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext,
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

function fragmentMeasure(context: ValidationContext, combine: (children: number[]) => number, ownOf: (field: { alias?: unknown; name: { value: string } }, child: number | null) => number): Measure {
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

/** Depth counts nested fields; introspection fields are left out since production turns them off. */
export function maxDepthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = fragmentMeasure(
      context,
      (children) => Math.max(0, ...children),
      (field, child) => (field.name.value.startsWith("__") ? 0 : 1 + (child ?? 0)),
    );
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Operation depth ${depth} exceeds the maximum of ${maxDepth}.`, { nodes: [operation] }));
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
