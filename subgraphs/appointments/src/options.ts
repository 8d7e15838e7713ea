/** What the appointments subgraph needs from its host. */
export interface AppointmentsOptions {
  production: boolean;
  /** How often the reminder job looks for reminders that fell due (default every 30 s; 0: never, tests run it by hand). */
  reminderIntervalMs?: number;
}

export class AppointmentsConfigError extends Error {}
