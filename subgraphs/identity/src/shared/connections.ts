import type { Connection } from "@portal/kit";

/** Maps the nodes of a service's connection to GraphQL views. */
export function mapConnection<T, V>(connection: Connection<T>, toView: (node: T) => V): Connection<V> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toView(edge.node) })) };
}
