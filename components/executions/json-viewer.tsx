"use client";

import { useState } from "react";
import { Check, ChevronRight, Copy } from "lucide-react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { CHILDREN_PER_SLICE, childEntries, copyText, formatScalar, isContainer, jsonKind, summarize } from "./json-viewer-model";

// A read-only JSON tree: objects and arrays fold and unfold, big ones show their children in
// slices, and a copy button takes the whole value. Reused wherever a payload is shown.

const SCALAR_TONE: Record<string, string> = {
  string: "text-emerald-700 dark:text-emerald-400",
  number: "text-sky-700 dark:text-sky-400",
  boolean: "text-violet-700 dark:text-violet-400",
  null: "text-muted-foreground",
};

function Scalar({ value }: { value: unknown }) {
  if (isContainer(value)) return <span className="text-muted-foreground">{Array.isArray(value) ? "[]" : "{}"}</span>;
  return <span className={cn("break-all", SCALAR_TONE[jsonKind(value)])}>{formatScalar(value)}</span>;
}

function Node({ name, value, depth, openDepth }: { name: string | null; value: unknown; depth: number; openDepth: number }) {
  const [open, setOpen] = useState(depth < openDepth);
  const [shown, setShown] = useState(CHILDREN_PER_SLICE);
  const label = name === null ? null : <span className="text-foreground">{name}: </span>;
  if (!isContainer(value) || summarize(value) === "empty") {
    return (
      <li className="py-0.5 pl-5">
        {label}
        <Scalar value={value} />
      </li>
    );
  }
  const array = jsonKind(value) === "array";
  const { entries, hidden } = childEntries(value, shown);
  const brackets = array ? ["[", "]"] : ["{", "}"];
  return (
    <li className="py-0.5">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={`${name ?? "value"}: ${summarize(value)}`}
        className="inline-flex items-center gap-1 rounded-sm text-left outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring/50"
      >
        <ChevronRight aria-hidden="true" className={cn("size-4 shrink-0 transition-transform", open && "rotate-90")} />
        {label}
        <span className="text-muted-foreground">
          {brackets[0]}
          {open ? "" : ` ${summarize(value)} ${brackets[1]}`}
        </span>
      </button>
      {open ? (
        <>
          <ul className="ml-2 border-l pl-2">
            {entries.map(([key, child]) => (
              <Node key={key} name={key} value={child} depth={depth + 1} openDepth={openDepth} />
            ))}
            {hidden > 0 ? (
              <li className="py-1 pl-5">
                <Button variant="link" size="sm" className="h-auto p-0" onClick={() => setShown((n) => n + CHILDREN_PER_SLICE)}>
                  Show {Math.min(hidden, CHILDREN_PER_SLICE)} more of {hidden}
                </Button>
              </li>
            ) : null}
          </ul>
          <span className="pl-5 text-muted-foreground">{brackets[1]}</span>
        </>
      ) : null}
    </li>
  );
}

/** `label` names the viewer for screen readers and the copy button ("Copy trigger payload"). */
export function JsonViewer({ value, label, openDepth = 2, className }: { value: unknown; label: string; openDepth?: number; className?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(copyText(value));
      setCopied(true);
      toast.success(`Copied ${label.toLowerCase()}.`);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error("The browser did not allow copying.");
    }
  };
  return (
    <div role="group" aria-label={label} className={cn("relative rounded-md border bg-muted/30 font-mono text-xs", className)}>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        onClick={copy}
        aria-label={`Copy ${label.toLowerCase()}`}
        className="absolute top-1 right-1 size-7"
      >
        {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      </Button>
      <ul className="max-h-96 overflow-auto p-3 pr-10">
        <Node name={null} value={value} depth={0} openDepth={openDepth} />
      </ul>
    </div>
  );
}
