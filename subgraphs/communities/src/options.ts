/** What the communities subgraph needs from its host. */
export interface CommunitiesOptions {
  production: boolean;
}

export class CommunitiesConfigError extends Error {}
