interface CommunitySummaryLike {
  hasGroups: boolean;
  groupCount: number;
  unreadCount: number;
}

/** The dashboard card's lines for the client's groups; null hides the card (no groups). */
export function communityCardLines(summary: CommunitySummaryLike | null | undefined): string[] | null {
  if (!summary?.hasGroups) return null;
  const groups = summary.groupCount === 1 ? "You are in 1 group" : `You are in ${summary.groupCount} groups`;
  const unread =
    summary.unreadCount === 0
      ? "You're all caught up."
      : summary.unreadCount === 1
        ? "1 new post since your last visit"
        : `${summary.unreadCount} new posts since your last visit`;
  return [groups, unread];
}
