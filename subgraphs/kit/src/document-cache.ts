import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from "graphql";

export interface DocumentCacheLimits {
  /** Most query texts remembered; the least recently used is forgotten first. */
  entries: number;
  /** Longer query texts are parsed and validated every time instead of being remembered. */
  queryLength: number;
}

const DEFAULT_LIMITS: DocumentCacheLimits = { entries: 1000, queryLength: 100_000 };

/**
 * Refuses `__schema` and `__type` like Apollo Server does when introspection is off (its own rule
 * is not exported). Only whether a document passes matters here: a refused document is answered by
 * Apollo Server itself, with its own message.
 */
export const NoIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === "__schema" || node.name.value === "__type") {
      context.reportError(new GraphQLError("GraphQL introspection is not allowed", { nodes: [node] }));
    }
  },
});

/** The rules Apollo Server validates with, given whether introspection is on. */
export function validationRules(introspection: boolean): readonly ValidationRule[] {
  return introspection ? specifiedRules : [...specifiedRules, NoIntrospection];
}

/**
 * Parsed and validated documents by query text, bounded (LRU). The gateway sends the same few
 * query texts over and over (variables travel apart), so each is parsed and validated once. A text
 * that fails to parse or validate is remembered as such (null): whoever answers it then does the
 * work again to build its error answer, which is rare.
 */
export class DocumentCache {
  private readonly documents = new Map<string, DocumentNode | null>();
  /** Parse-and-validate runs so far (cache misses), for tests and diagnostics. */
  validations = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly limits: DocumentCacheLimits = DEFAULT_LIMITS,
  ) {}

  /** The document when `query` parses and passes validation against the schema, otherwise null. */
  get(query: string): DocumentNode | null {
    const known = this.documents.get(query);
    if (known !== undefined) {
      // Most recently used goes last; the first key is the next to be forgotten.
      this.documents.delete(query);
      this.documents.set(query, known);
      return known;
    }
    const document = this.parseAndValidate(query);
    if (query.length <= this.limits.queryLength) {
      if (this.documents.size >= this.limits.entries) this.documents.delete(this.documents.keys().next().value as string);
      this.documents.set(query, document);
    }
    return document;
  }

  get size(): number {
    return this.documents.size;
  }

  private parseAndValidate(query: string): DocumentNode | null {
    this.validations++;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    return validate(this.schema, document, this.rules).length === 0 ? document : null;
  }
}
