/**
 * The declarative field mapping a sync or step stores: destination field → expression, or
 * → `{ from, transforms?, required? }`. Strict: unknown keys are refused everywhere.
 *
 * ```json
 * { "fields": {
 *     "email": { "from": "Email", "transforms": [{ "type": "trim" }, { "type": "lowercase" }], "required": true },
 *     "customer.name": "$trim(first & \" \" & last)",
 *     "amount": { "from": "total", "transforms": [{ "type": "number" }, { "type": "default", "value": 0 }] }
 * } }
 * ```
 * Expressions are jsonata evaluated with the source record as `$` and the run's context as
 * `$trigger`, `$steps`, `$env`; a whole `{{ … }}` around one is accepted. Destination names may
 * be dotted (`customer.email` → `{ customer: { email } }`); no segment may be empty or
 * `__proto__`, `constructor`, `prototype`, and no destination may sit inside another
 * (`customer` and `customer.email` together are refused).
 */
import { z } from "zod";
import { DEFAULT_EXPRESSION_LIMITS } from "./limits";
import { regexPatternProblem } from "./guarded-regexp";
import { FORBIDDEN_KEYS } from "./plain-data";

export const MAX_MAPPING_FIELDS = 1_000;
export const MAX_TRANSFORMS_PER_FIELD = 20;
const MAX_DESTINATION_LENGTH = 300;

const regexReplaceSchema = z
  .strictObject({
    type: z.literal("regex_replace"),
    pattern: z.string().min(1).max(DEFAULT_EXPRESSION_LIMITS.maxRegexPatternLength),
    replacement: z.string().max(10_000),
    flags: z.string().regex(/^(?!.*(.).*\1)[gimsu]*$/, 'flags are made of "g", "i", "m", "s", "u", each at most once').optional(),
  })
  .superRefine((transform, ctx) => {
    const problem = regexPatternProblem(transform.pattern, DEFAULT_EXPRESSION_LIMITS);
    if (problem) return ctx.addIssue({ code: "custom", path: ["pattern"], message: problem });
    try {
      new RegExp(transform.pattern, transform.flags ?? "g");
    } catch (err) {
      ctx.addIssue({ code: "custom", path: ["pattern"], message: `invalid regular expression: ${(err as Error).message}` });
    }
  });

export const transformSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("uppercase") }),
  z.strictObject({ type: z.literal("lowercase") }),
  z.strictObject({ type: z.literal("trim") }),
  regexReplaceSchema,
  z.strictObject({ type: z.literal("number") }),
  z.strictObject({ type: z.literal("string") }),
  z.strictObject({ type: z.literal("boolean") }),
  z.strictObject({ type: z.literal("date"), format: z.string().min(1).max(200).optional() }),
  z.strictObject({ type: z.literal("default"), value: z.json() }),
]);
export type Transform = z.infer<typeof transformSchema>;

const expressionSchema = z.string().trim().min(1, "expression is empty").max(DEFAULT_EXPRESSION_LIMITS.maxExpressionLength);

export const mappingFieldSchema = z.union([
  expressionSchema,
  z.strictObject({
    from: expressionSchema,
    transforms: z.array(transformSchema).max(MAX_TRANSFORMS_PER_FIELD).optional(),
    required: z.boolean().optional(),
  }),
]);
export type MappingField = z.infer<typeof mappingFieldSchema>;

const destinationSchema = z
  .string()
  .min(1)
  .max(MAX_DESTINATION_LENGTH)
  .refine((name) => name.split(".").every((segment) => segment.length > 0), "a destination name has an empty segment (check the dots)");

const fieldsSchema = z.preprocess(
  (raw, ctx) => {
    // zod drops a `__proto__` record key silently; refuse forbidden names before it can.
    if (raw !== null && typeof raw === "object") {
      for (const key of Object.keys(raw)) {
        const bad = key.split(".").find((segment) => FORBIDDEN_KEYS.has(segment));
        if (bad) ctx.addIssue({ code: "custom", path: [key], message: `"${bad}" is not allowed in a destination name`, input: raw });
      }
    }
    return raw;
  },
  z
    .record(destinationSchema, mappingFieldSchema)
    .refine((fields) => Object.keys(fields).length > 0, "a mapping needs at least one field")
    .refine((fields) => Object.keys(fields).length <= MAX_MAPPING_FIELDS, `a mapping has at most ${MAX_MAPPING_FIELDS} fields`)
    .superRefine((fields, ctx) => {
      const names = new Set(Object.keys(fields));
      for (const name of names) {
        const segments = name.split(".");
        for (let i = 1; i < segments.length; i++) {
          const parent = segments.slice(0, i).join(".");
          if (names.has(parent)) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" sits inside "${parent}", which is also a destination` });
        }
      }
    }),
);

export const mappingSchema = z.strictObject({ fields: fieldsSchema });
export type Mapping = z.infer<typeof mappingSchema>;
