interface DocumentSummaryLike {
  hasDocuments: boolean;
  waitingForSignature: number;
}

/** The dashboard card's lines for the client's documents; null hides the card (no documents). */
export function documentCardLines(summary: DocumentSummaryLike | null | undefined): string[] | null {
  if (!summary?.hasDocuments) return null;
  if (summary.waitingForSignature === 0) return ["Nothing to sign. You're all caught up."];
  return [
    summary.waitingForSignature === 1
      ? "1 document waiting for your signature"
      : `${summary.waitingForSignature} documents waiting for your signature`,
  ];
}
