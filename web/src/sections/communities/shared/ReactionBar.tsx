import { useApolloClient, useLazyQuery, useMutation } from "@apollo/client/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { CommunityReactionKind } from "../../../gql/graphql";
import { setReactionCounts } from "./feedCache";
import { AddCommunityReactionDocument, CommunityPostReactorsDocument, RemoveCommunityReactionDocument } from "./operations";
import { Avatar } from "./Person";
import { describeReactions, REACTIONS, reactionInfo } from "./reactions";
import { useViewerReactions } from "./viewerReactions";

interface ReactionBarProps {
  target: { typename: "CommunityPost" | "CommunityComment"; id: string };
  reactions: { kind: CommunityReactionKind; count: number }[];
  /** A member or staff in a group open for posting. */
  canReact: boolean;
  /** What the target is, for labels: "post", "comment". */
  noun: string;
}

/**
 * Counts per kind as toggle buttons (pressed: the caller gave it), a picker of the five kinds, and
 * for posts who reacted. The counts change live; which are mine comes from my own mutations.
 */
export function ReactionBar({ target, reactions, canReact, noun }: ReactionBarProps) {
  const client = useApolloClient();
  const { kindsOf, remember } = useViewerReactions();
  const mine = kindsOf(target.id);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [add] = useMutation(AddCommunityReactionDocument);
  const [remove] = useMutation(RemoveCommunityReactionDocument);
  const trigger = useRef<HTMLButtonElement>(null);
  const picker = useRef<HTMLDivElement>(null);
  const pickerId = useId();

  useEffect(() => {
    if (open) picker.current?.querySelector("button")?.focus();
  }, [open]);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const toggle = async (kind: CommunityReactionKind) => {
    if (!canReact || busy) return;
    setBusy(true);
    setError(null);
    try {
      const had = mine.includes(kind);
      const variables = { input: { targetId: target.id, kind } };
      const result = had
        ? (await remove({ variables })).data?.removeCommunityReaction
        : (await add({ variables })).data?.addCommunityReaction;
      if (result?.__typename === "CommunityReactionSuccess") {
        remember([{ targetId: result.targetId, kinds: result.viewerKinds }]);
        setReactionCounts(client.cache, target, result.reactions);
      } else {
        setError(result && "message" in result ? result.message : "Could not save your reaction. Please try again.");
      }
    } finally {
      setBusy(false);
    }
  };

  const choose = (kind: CommunityReactionKind) => {
    setOpen(false);
    trigger.current?.focus();
    void toggle(kind);
  };
  const onPickerKey = (event: KeyboardEvent) => {
    const buttons = Array.from(picker.current?.querySelectorAll("button") ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      trigger.current?.focus();
    } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      const next = (at + (event.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length;
      buttons[next]?.focus();
    }
  };

  const total = reactions.reduce((sum, r) => sum + r.count, 0);
  return (
    <div
      ref={bar}
      className="reaction-bar"
      // The picker closes when the focus moves on past the reactions (Tab); a click elsewhere too (below).
      onBlur={(event) => {
        if (open && event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <div role="group" aria-label={`Reactions to this ${noun}: ${describeReactions(reactions)}`} className="reaction-counts">
        {reactions.map((reaction) => {
          const info = reactionInfo(reaction.kind);
          const pressed = mine.includes(reaction.kind);
          return (
            <button
              key={reaction.kind}
              type="button"
              className={`reaction-chip ${pressed ? "reaction-chip-mine" : ""}`}
              aria-pressed={pressed}
              aria-label={`${info.label}, ${reaction.count}`}
              title={pressed ? `You reacted ${info.label}` : info.label}
              disabled={!canReact || busy}
              onClick={() => void toggle(reaction.kind)}
            >
              <span aria-hidden="true">{info.emoji}</span> {reaction.count}
            </button>
          );
        })}
        {canReact && (
          <button
            ref={trigger}
            type="button"
            className="reaction-chip reaction-add"
            aria-expanded={open}
            aria-controls={pickerId}
            onClick={() => setOpen((value) => !value)}
          >
            <span aria-hidden="true">☺+ </span>React
          </button>
        )}
      </div>
      {open && (
        // arrow keys and Escape move within the picker's buttons
        <div id={pickerId} ref={picker} role="group" aria-label="Choose a reaction" className="reaction-picker" onKeyDown={onPickerKey}>
          {REACTIONS.map((reaction) => (
            <button
              key={reaction.kind}
              type="button"
              className="reaction-option"
              aria-pressed={mine.includes(reaction.kind)}
              onClick={() => choose(reaction.kind)}
            >
              <span aria-hidden="true">{reaction.emoji}</span> {reaction.label}
            </button>
          ))}
        </div>
      )}
      {target.typename === "CommunityPost" && total > 0 && <WhoReacted postId={target.id} total={total} />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "See who reacted": loaded on request, newest first. */
function WhoReacted({ postId, total }: { postId: string; total: number }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const [load, { data, loading, error }] = useLazyQuery(CommunityPostReactorsDocument, { fetchPolicy: "network-only" });
  const toggle = () => {
    if (!open) void load({ variables: { postId } });
    setOpen(!open);
  };
  const reactors = data?.communityPost?.reactors.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="who-reacted">
      <button type="button" className="button-link" aria-expanded={open} aria-controls={id} onClick={toggle}>
        {open ? "Hide who reacted" : total === 1 ? "See who reacted" : `See who reacted (${total})`}
      </button>
      {open && (
        <div id={id} aria-live="polite">
          {loading && <p className="hint">Loading…</p>}
          {error && <p className="field-error">Could not load who reacted.</p>}
          {reactors.length > 0 && (
            <ul className="plain-list who-reacted-list">
              {reactors.map((reactor) => (
                <li key={`${reactor.person.id}-${reactor.kind}`}>
                  <span aria-hidden="true">{reactionInfo(reactor.kind).emoji}</span> <Avatar person={reactor.person} size="small" />{" "}
                  {reactor.person.name}
                  <span className="visually-hidden">: {reactionInfo(reactor.kind).label}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
