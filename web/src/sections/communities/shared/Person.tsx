import type { CommunityPersonFieldsFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";

/** An avatar: the person's picture, or their initials; decoration only (their name is always beside it). */
export function Avatar({ person, size = "normal" }: { person: CommunityPersonFieldsFragment; size?: "normal" | "small" }) {
  return person.avatarUrl ? (
    <img className={`community-avatar community-avatar-${size}`} src={person.avatarUrl} alt="" />
  ) : (
    <span className={`community-avatar community-avatar-${size}`} aria-hidden="true">
      {person.initials}
    </span>
  );
}

/** Name, staff badge, when, and "edited": the byline of a post or comment. */
export function Byline({
  person,
  at,
  edited,
  editedAt,
}: {
  person: CommunityPersonFieldsFragment;
  at: string;
  edited: boolean;
  editedAt?: string | null;
}) {
  return (
    <span className="community-byline">
      <span className="community-author">{person.name}</span>
      {person.isStaff && <span className="badge community-staff-badge">Staff</span>}
      <time dateTime={at} title={formatDateTime(at)} className="hint">
        {timeAgo(at)}
      </time>
      {edited && (
        <span className="hint community-edited" title={editedAt ? `Edited ${formatDateTime(editedAt)}` : undefined}>
          (edited)
        </span>
      )}
    </span>
  );
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

/** "just now", "5 minutes ago", "yesterday"; older than a week: the date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return "";
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), "day");
  return formatDateTime(iso);
}
