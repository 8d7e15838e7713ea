import { createContext } from "react";

/** Starts watching the signed-in session for removal; returns a stop function (see apollo.ts). */
export const SessionWatchContext = createContext<() => () => void>(() => () => undefined);
