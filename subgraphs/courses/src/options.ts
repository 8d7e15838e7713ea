/** What the courses subgraph needs from its host. */
export interface CoursesOptions {
  production: boolean;
  /** How often the drip job looks for lessons that opened (default every minute); tests run it by hand. */
  dripIntervalMs?: number;
}

export class CoursesConfigError extends Error {}
