/**
 * Splits template strings into text and `{{ … }}` placeholders. A placeholder ends at the first
 * `}}` outside a string literal, a backtick name, a comment or a `{ … }` object constructor, so
 * `{{ {"a": {"b": 1}} }}` and `{{ "}}" }}` work. There is no escape: write `{{ "{{" }}` for a
 * literal `{{`. (A `}}` inside a regex literal does end the placeholder.)
 */
import { ExpressionError } from "./expression-error";

export type TemplatePart =
  | { readonly kind: "text"; readonly text: string }
  /** `source` is the jsonata expression (trimmed), `raw` the placeholder as written. */
  | { readonly kind: "expression"; readonly source: string; readonly raw: string };

const OPEN = "{{";

export function hasPlaceholder(text: string): boolean {
  return text.includes(OPEN);
}

/** Text and placeholders of `text`, in order; throws ExpressionError for an unclosed or empty one. */
export function parsePlaceholders(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let position = 0;
  for (;;) {
    const open = text.indexOf(OPEN, position);
    if (open < 0) break;
    if (open > position) parts.push({ kind: "text", text: text.slice(position, open) });
    const close = findClose(text, open + OPEN.length);
    if (close < 0) {
      throw new ExpressionError({
        code: "UNCLOSED_PLACEHOLDER",
        detail: `placeholder opened at character ${open} is never closed with "}}"`,
        expression: text,
      });
    }
    const raw = text.slice(open, close + 2);
    const source = text.slice(open + OPEN.length, close).trim();
    if (!source) throw new ExpressionError({ code: "EMPTY_PLACEHOLDER", detail: "empty placeholder", expression: raw });
    parts.push({ kind: "expression", source, raw });
    position = close + 2;
  }
  if (position < text.length) parts.push({ kind: "text", text: text.slice(position) });
  return parts;
}

/** Index of the `}}` closing a placeholder whose body starts at `from`, or -1. */
function findClose(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      i = skipQuoted(text, i, c);
      if (i < 0) return -1;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return -1;
      i = end + 2;
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0 && text[i + 1] === "}") return i;
      if (depth > 0) depth--;
    }
    i++;
  }
  return -1;
}

/** Index just past the closing quote of a literal starting at `start`, or -1 if unterminated. */
function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && quote !== "`") i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return -1;
}
