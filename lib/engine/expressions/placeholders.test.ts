import { describe, expect, it } from "vitest";
import { parsePlaceholders } from "./placeholders";

describe("parsePlaceholders", () => {
  it("splits text and placeholders", () => {
    expect(parsePlaceholders("Hi {{ name }}, you owe {{amount}}.")).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "expression", source: "name", raw: "{{ name }}" },
      { kind: "text", text: ", you owe " },
      { kind: "expression", source: "amount", raw: "{{amount}}" },
      { kind: "text", text: "." },
    ]);
  });

  it("ends a placeholder only outside strings, names, comments and object constructors", () => {
    const sources = (text: string) => parsePlaceholders(text).flatMap((p) => (p.kind === "expression" ? [p.source] : []));
    expect(sources('{{ "}}" }}')).toEqual(['"}}"']);
    expect(sources("{{ 'a}}b' & `x}}y` }}")).toEqual(["'a}}b' & `x}}y`"]);
    expect(sources('{{ {"a": {"b": 1}} }}')).toEqual(['{"a": {"b": 1}}']);
    expect(sources('{{ {"a": {"b": 1}}}}')).toEqual(['{"a": {"b": 1}}']);
    expect(sources("{{ /* }} */ x }}")).toEqual(["/* }} */ x"]);
    expect(sources('{{ "{{" }}')).toEqual(['"{{"']);
    expect(sources('{{ "a\\"}}" }}')).toEqual(['"a\\"}}"']);
  });

  it("refuses unclosed and empty placeholders", () => {
    expect(() => parsePlaceholders("x {{ y")).toThrow(/opened at character 2 is never closed/);
    expect(() => parsePlaceholders('{{ "unterminated }}')).toThrow(/never closed/);
    expect(() => parsePlaceholders("{{   }}")).toThrow(/empty placeholder/);
  });
});
