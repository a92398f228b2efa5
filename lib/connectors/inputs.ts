import { z } from "zod";

// Small zod builders shared by action inputs, so every connector words its errors the same way.

export function requiredText(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
    .trim()
    .min(1, `${label} must not be empty`);
}

export function optionalText(label: string) {
  return z.string({ error: `${label} must be text` }).optional();
}

/** Text that goes into a header or a path: one line. */
export function singleLine(label: string) {
  return requiredText(label).regex(/^[^\r\n]*$/, `${label} must be a single line`);
}

export function matching(label: string, pattern: RegExp, hint: string) {
  return requiredText(label).regex(pattern, `${label} ${hint}`);
}

/** A page size or count; numeric strings from templates are accepted. */
export function count(label: string, max: number) {
  return z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be at least 1`)
    .max(max, `${label} must be at most ${max}`);
}

export function flag(label: string) {
  return z.boolean({ error: `${label} must be true or false` }).optional();
}

export function emailAddress(label: string) {
  return z.email({ error: `${label} must be an email address` });
}

/** One address or a non-empty list of them; always a list after parsing. */
export function emailList(label: string) {
  return z
    .union([emailAddress(label), z.array(emailAddress(label), { error: `${label} must be an email address or a list of them` }).min(1)], {
      error: `${label} must be an email address or a list of them`,
    })
    .transform((v) => (Array.isArray(v) ? v : [v]));
}

export function jsonObject(label: string) {
  return z.record(z.string(), z.unknown(), { error: `${label} must be an object` });
}

export function textMap(label: string) {
  return z.record(z.string(), z.string({ error: `${label} values must be text` }), { error: `${label} must be an object of text values` });
}

/** The recipients of an email; only `to` is required. */
export function recipients() {
  return {
    to: emailList("to"),
    cc: emailList("cc").optional(),
    bcc: emailList("bcc").optional(),
    reply_to: emailAddress("reply_to").optional(),
  };
}
