/** Builds and seals the final PDF (placeholder until completion lands). */
export interface Sealer {
  certificate(): Promise<unknown>;
}
