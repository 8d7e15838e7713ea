import { useQuery } from "@apollo/client/react";
import { forwardRef, useId, useState, type ComponentProps, type KeyboardEvent } from "react";
import { graphql } from "../../../gql";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { Avatar } from "./Person";

const CommunityMentionSuggestionsDocument = graphql(`
  query CommunityMentionSuggestions($groupId: ID!, $search: String) {
    communityGroup(id: $groupId) {
      id
      members(first: 6, search: $search) {
        edges { node { id person { ...CommunityPersonFields } } }
      }
    }
  }
`);

/** The `@name` being typed just before the caret, if any. */
export function mentionAt(text: string, caret: number): { start: number; term: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}_][\p{L}\p{N}_'.-]*(?: [\p{L}\p{N}_'.-]*)?)?$/u.exec(before);
  if (!match) return null;
  const term = match[2] ?? "";
  return { start: caret - term.length - 1, term };
}

interface MentionTextareaProps extends Omit<ComponentProps<"textarea">, "value" | "onChange"> {
  groupId: string;
  value: string;
  onValueChange: (value: string) => void;
}

/**
 * A textarea that suggests group members while `@name` is typed (a combobox: arrows move, Enter or
 * Tab chooses, Escape closes); choosing writes `@Full Name`, which the server turns into a mention.
 */
export const MentionTextarea = forwardRef<HTMLTextAreaElement, MentionTextareaProps>(function MentionTextarea(
  { groupId, value, onValueChange, onKeyDown, ...textarea },
  ref,
) {
  const id = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const mention = mentionAt(value, caret);
  const open = mention !== null && dismissed !== mention.start;
  const term = useDebouncedValue(open ? mention.term : "", 150);
  // Not cached: the members list of the console uses the same field with other page sizes.
  const { data: answer, previousData } = useQuery(CommunityMentionSuggestionsDocument, {
    variables: { groupId, search: term || null },
    skip: !open,
    fetchPolicy: "no-cache",
  });
  // While the next letters' answer is on its way the last one stays (the list does not flicker, Enter
  // still chooses); it may be for fewer letters than typed by now: keep only names that still match.
  const data = answer ?? previousData;
  const typed = open ? mention.term.toLowerCase() : "";
  const people = open
    ? (data?.communityGroup?.members.edges.map((edge) => edge.node.person) ?? []).filter((person) =>
        person.name.toLowerCase().includes(typed),
      )
    : [];
  const showing = open && people.length > 0;

  const choose = (name: string, element: HTMLTextAreaElement | null) => {
    if (!mention) return;
    const inserted = `@${name} `;
    const next = value.slice(0, mention.start) + inserted + value.slice(caret);
    onValueChange(next);
    const position = mention.start + inserted.length;
    setCaret(position);
    requestAnimationFrame(() => element?.setSelectionRange(position, position));
  };

  const handleKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (showing) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((current) => (current + (event.key === "ArrowDown" ? 1 : people.length - 1)) % people.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(people[Math.min(active, people.length - 1)]!.name, event.currentTarget);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setDismissed(mention?.start ?? null);
        return;
      }
    }
    onKeyDown?.(event);
  };

  return (
    <div className="mention-box">
      <textarea
        {...textarea}
        ref={ref}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={`${id}-suggestions`}
        aria-activedescendant={showing ? `${id}-option-${Math.min(active, people.length - 1)}` : undefined}
        onChange={(event) => {
          onValueChange(event.target.value);
          setCaret(event.target.selectionStart ?? event.target.value.length);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
        onKeyDown={handleKey}
      />
      <div id={`${id}-suggestions`} role="listbox" aria-label="Mention a member" className="mention-suggestions" hidden={!showing}>
        {people.map((person, index) => (
          <div
            key={person.id}
            id={`${id}-option-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className="mention-option"
            onMouseDown={(event) => {
              // Keep the focus in the text box.
              event.preventDefault();
              const box = (event.currentTarget.closest(".mention-box")?.querySelector("textarea") ?? null) as HTMLTextAreaElement | null;
              choose(person.name, box);
            }}
          >
            <Avatar person={person} size="small" /> {person.name}
          </div>
        ))}
      </div>
    </div>
  );
});
