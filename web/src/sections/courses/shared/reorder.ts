/** The list with the item at `from` moved to `to` (both clamped to the list); the input is left as it was. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/**
 * Lessons after dragging one onto a place in a module, possibly another one: the target module's
 * lessons in their new order (what the server's reorder takes, moving the lesson into it).
 */
export function dropLesson(target: readonly string[], lessonId: string, index: number): string[] {
  const without = target.filter((id) => id !== lessonId);
  const at = Math.max(0, Math.min(without.length, index));
  return [...without.slice(0, at), lessonId, ...without.slice(at)];
}
