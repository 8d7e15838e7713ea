import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { CommunityReactionKind } from "../../../gql/graphql";

interface ViewerReactionsValue {
  kindsOf: (targetId: string) => readonly CommunityReactionKind[];
  /** Replaces what is known of these targets (a feed page's, a mutation's answer). */
  remember: (entries: { targetId: string; kinds: readonly CommunityReactionKind[] }[]) => void;
}

const NONE: readonly CommunityReactionKind[] = [];
const ViewerReactionsContext = createContext<ViewerReactionsValue>({ kindsOf: () => NONE, remember: () => undefined });

/**
 * The caller's own reactions in a feed. Live events carry only counts (the same payload for every
 * member), so which kinds are "mine" is kept here, from feed pages and the caller's own mutations.
 */
export function ViewerReactionsProvider({ children }: { children: ReactNode }) {
  const [mine, setMine] = useState<Record<string, readonly CommunityReactionKind[]>>({});
  const kindsOf = useCallback((targetId: string) => mine[targetId] ?? NONE, [mine]);
  const remember = useCallback((entries: { targetId: string; kinds: readonly CommunityReactionKind[] }[]) => {
    if (entries.length === 0) return;
    setMine((current) => {
      const next = { ...current };
      for (const entry of entries) next[entry.targetId] = entry.kinds;
      return next;
    });
  }, []);
  const value = useMemo(() => ({ kindsOf, remember }), [kindsOf, remember]);
  return <ViewerReactionsContext.Provider value={value}>{children}</ViewerReactionsContext.Provider>;
}

export function useViewerReactions(): ViewerReactionsValue {
  return useContext(ViewerReactionsContext);
}
