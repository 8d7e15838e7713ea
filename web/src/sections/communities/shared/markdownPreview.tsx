import type { ReactNode } from "react";

/**
 * A preview of Markdown as React elements (so nothing in it can run: React escapes every text).
 * It covers what members write most (paragraphs, headings, lists, quotes, bold, italic, code,
 * links shown as their text); the post itself is rendered and sanitised by the server.
 */
export function MarkdownPreview({ source }: { source: string }) {
  const blocks = parseBlocks(source);
  if (blocks.length === 0) return <p className="hint">Nothing to preview yet.</p>;
  return <>{blocks.map((block, index) => renderBlock(block, index))}</>;
}

export type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "quote"; lines: string[] }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "code"; text: string };

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === "") {
      index++;
      continue;
    }
    if (line.trimStart().startsWith("```")) {
      const code: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.trimStart().startsWith("```")) code.push(lines[index++]!);
      index++;
      blocks.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1]!.length, text: heading[2]! });
      index++;
      continue;
    }
    const listItem = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
    const first = listItem.exec(line);
    if (first) {
      const ordered = /\d/.test(first[1]!);
      const items: string[] = [];
      for (let match = listItem.exec(lines[index]!); match; match = index < lines.length ? listItem.exec(lines[index]!) : null) {
        items.push(match[2]!);
        index++;
      }
      blocks.push({ kind: "list", ordered, items });
      continue;
    }
    if (line.startsWith(">")) {
      const quoted: string[] = [];
      while (index < lines.length && lines[index]!.startsWith(">")) quoted.push(lines[index++]!.replace(/^>\s?/, ""));
      blocks.push({ kind: "quote", lines: quoted });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length && lines[index]!.trim() !== "" && !/^(#{1,6}\s|>|```|\s*([-*+]|\d+[.)])\s)/.test(lines[index]!)) {
      paragraph.push(lines[index++]!);
    }
    if (paragraph.length === 0) paragraph.push(lines[index++]!);
    blocks.push({ kind: "paragraph", lines: paragraph });
  }
  return blocks;
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case "heading": {
      // Headings inside a post sit below the post's own title.
      const Tag = `h${Math.min(6, block.level + 2)}` as "h3";
      return <Tag key={key}>{inline(block.text)}</Tag>;
    }
    case "code":
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case "list": {
      const Tag = block.ordered ? "ol" : "ul";
      return (
        <Tag key={key}>
          {block.items.map((item, index) => (
            <li key={index}>{inline(item)}</li>
          ))}
        </Tag>
      );
    }
    case "quote":
      return <blockquote key={key}>{withBreaks(block.lines)}</blockquote>;
    default:
      return <p key={key}>{withBreaks(block.lines)}</p>;
  }
}

function withBreaks(lines: string[]): ReactNode[] {
  return lines.flatMap((line, index) =>
    index === 0 ? [inline(line, `l${index}`)] : [<br key={`b${index}`} />, inline(line, `l${index}`)],
  );
}

/** Inline marks: `code`, **bold**, *italic* / _italic_, [text](url) shown as its text. */
export function inline(text: string, keyPrefix = "i"): ReactNode {
  const pattern = /(`[^`]+`|\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|\[[^\]]+\]\([^)]*\))/g;
  const parts: ReactNode[] = [];
  let last = 0;
  let count = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const token = match[0];
    const key = `${keyPrefix}-${count++}`;
    if (token.startsWith("`")) parts.push(<code key={key}>{token.slice(1, -1)}</code>);
    else if (token.startsWith("**") || token.startsWith("__")) parts.push(<strong key={key}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith("[")) parts.push(<u key={key}>{token.slice(1, token.indexOf("]"))}</u>);
    else parts.push(<em key={key}>{token.slice(1, -1)}</em>);
    last = match.index + token.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <span key={keyPrefix}>{parts}</span>;
}
