import type { CommunityReactionKind } from "../../../gql/graphql";

export interface ReactionInfo {
  kind: CommunityReactionKind;
  emoji: string;
  label: string;
}

/** The fixed set, in the order the server counts them. */
export const REACTIONS: ReactionInfo[] = [
  { kind: "LIKE", emoji: "👍", label: "Like" },
  { kind: "LOVE", emoji: "❤️", label: "Love" },
  { kind: "CELEBRATE", emoji: "🎉", label: "Celebrate" },
  { kind: "INSIGHTFUL", emoji: "💡", label: "Insightful" },
  { kind: "LAUGH", emoji: "😄", label: "Laugh" },
];

export function reactionInfo(kind: CommunityReactionKind): ReactionInfo {
  return REACTIONS.find((reaction) => reaction.kind === kind) ?? REACTIONS[0]!;
}

/** "3 reactions: 2 Like, 1 Love", for screen readers and the summary's title. */
export function describeReactions(counts: { kind: CommunityReactionKind; count: number }[]): string {
  const total = counts.reduce((sum, count) => sum + count.count, 0);
  if (total === 0) return "No reactions yet";
  const parts = counts.map((count) => `${count.count} ${reactionInfo(count.kind).label}`);
  return `${total === 1 ? "1 reaction" : `${total} reactions`}: ${parts.join(", ")}`;
}
