/**
 * Compiles a field mapping (mapping-schema.ts) once, then maps records with it.
 *
 * Each field: the expression (fast path when it is a plain path, else jsonata, with the record
 * as `$` and the context as `$trigger`, `$steps`, `$env`), then its transforms, then the
 * `required` check (empty = undefined, null, blank string), then the output rules of
 * plain-data.ts. A field whose value ends undefined is left out of the record (and a nested
 * object left empty is left out too). Output objects are cloned from a per-mapping shape whose
 * properties are already defined (output-shape.ts).
 *
 * `applyMany` is the batch path: fast-path fields are read synchronously and only fields that
 * need jsonata are awaited, so a mapping of plain paths and transforms allocates no promise per
 * field or per record.
 */
import { compileExpression, sharedExpressionCache, type CompiledExpression } from "./compile-expression";
import { locate, type ExpressionOptions } from "./compile-template";
import { isEmptyValue, type PictureParser } from "./conversions";
import { loadPictureParser } from "./date-picture";
import { ExpressionError, ExpressionValidationError, formatPath } from "./expression-error";
import { NEEDS_JSONATA } from "./fast-path";
import { resolveLimits, type ExpressionLimits } from "./limits";
import { mappingFieldSchema, mappingSchema, type Mapping, type MappingField } from "./mapping-schema";
import { flattenIssues, type Issue } from "./mapping-issues";
import { buildRecord, buildShape, type Shape } from "./output-shape";
import { parsePlaceholders } from "./placeholders";
import { newBudget, outputNumber, outputString, sanitizeInput, sanitizeOutput, type OutputBudget } from "./plain-data";
import { compileTransforms, needsPictureParser, type TransformFunction } from "./transforms";

/** The run's context, bound as `$trigger`, `$steps` and `$env` in mapping expressions. */
export interface MappingContext {
  trigger?: unknown;
  steps?: unknown;
  env?: unknown;
}

export interface CompiledMapping {
  /** Destination field names, in mapping order. */
  readonly fields: readonly string[];
  /** Maps one record; rejects with an ExpressionError naming the destination field. */
  apply(record: unknown, context?: MappingContext): Promise<Record<string, unknown>>;
  /** Maps a batch; the error also carries `recordIndex`. */
  applyMany(records: readonly unknown[], context?: MappingContext): Promise<Record<string, unknown>[]>;
}

interface FieldPlan {
  destination: string;
  /** The expression as written, for messages. */
  shown: string;
  expression: CompiledExpression;
  transform: TransformFunction | null;
  required: boolean;
}

/** Validates and compiles; throws ExpressionValidationError listing every problem. */
export function compileMapping(mapping: unknown, options: ExpressionOptions = {}): CompiledMapping {
  const { plans, errors, limits, pictureParserNeeded, parserRef } = compilePlans(mapping, options);
  if (errors.length) throw new ExpressionValidationError(errors);
  const shape = buildShape(plans.map((plan) => plan.destination));
  const mapper = new RecordMapper(plans, shape, limits, parserRef);

  const prepare = async (context: MappingContext | undefined) => {
    if (pictureParserNeeded && !parserRef.parser) parserRef.parser = await loadPictureParser();
    return mapper.contextBindings(context);
  };
  return {
    fields: plans.map((plan) => plan.destination),
    async apply(record, context) {
      const bindings = await prepare(context);
      return mapper.map(record, bindings, undefined);
    },
    async applyMany(records, context) {
      const bindings = await prepare(context);
      const out = new Array<Record<string, unknown>>(records.length);
      for (let i = 0; i < records.length; i++) {
        const mapped = mapper.map(records[i], bindings, i);
        out[i] = mapped instanceof Promise ? await mapped : mapped;
      }
      return out;
    },
  };
}

/** Every problem in a mapping (schema, expressions, regexes); [] when it is valid. */
export function validateMapping(mapping: unknown, options: ExpressionOptions = {}): ExpressionError[] {
  return compilePlans(mapping, options).errors;
}

function compilePlans(mapping: unknown, options: ExpressionOptions) {
  const limits = resolveLimits(options.limits);
  const cache = options.cache ?? sharedExpressionCache;
  const parserRef: { parser?: PictureParser } = {};
  const pictureParser = () => {
    if (!parserRef.parser) throw new ExpressionError({ code: "INTERNAL", detail: "date parser not loaded" });
    return parserRef.parser;
  };
  const plans: FieldPlan[] = [];
  const errors: ExpressionError[] = [];
  let pictureParserNeeded = false;
  const parsed = mappingSchema.safeParse(mapping);
  let fields: [string, MappingField][];
  if (parsed.success) {
    fields = Object.entries((parsed.data as Mapping).fields);
  } else {
    const invalid = new Set<string>();
    for (const issue of flattenIssues(parsed.error.issues as unknown as Issue[])) {
      const [, destination, ...rest] = issue.path;
      const path = typeof destination === "string" ? destination : formatPath(issue.path.filter(isKey));
      const where = rest.length ? `${formatPath(rest.filter(isKey))}: ` : "";
      errors.push(new ExpressionError({ code: "INVALID_MAPPING", detail: `${where}${issue.message}`, path }));
      invalid.add(path);
    }
    // Keep going with the fields the schema accepted, so their expression errors are reported too.
    fields = validFields(mapping, invalid);
  }
  for (const [destination, field] of fields) {
    const { from, transforms, required } = normalizeField(field);
    try {
      plans.push({
        destination,
        shown: from,
        expression: compileExpression(unwrapPlaceholder(from), limits, cache),
        transform: compileTransforms(transforms, limits, pictureParser),
        required,
      });
      pictureParserNeeded ||= needsPictureParser(transforms);
    } catch (err) {
      errors.push(locate(err, destination, from));
    }
  }
  return { plans, errors, limits, pictureParserNeeded, parserRef };
}

function validFields(mapping: unknown, invalid: ReadonlySet<string>): [string, MappingField][] {
  const raw = (mapping as { fields?: unknown } | null)?.fields;
  if (raw === null || typeof raw !== "object") return [];
  const fields: [string, MappingField][] = [];
  for (const [destination, field] of Object.entries(raw)) {
    if (invalid.has(destination)) continue;
    const parsed = mappingFieldSchema.safeParse(field);
    if (parsed.success) fields.push([destination, parsed.data]);
  }
  return fields;
}

function isKey(segment: PropertyKey): segment is string | number {
  return typeof segment !== "symbol";
}

function normalizeField(field: MappingField) {
  return typeof field === "string"
    ? { from: field, transforms: undefined, required: false }
    : { from: field.from, transforms: field.transforms, required: field.required ?? false };
}

/** `{{ expr }}` → `expr`; mixed text and placeholders is refused (mappings hold expressions). */
function unwrapPlaceholder(from: string): string {
  if (!from.includes("{{")) return from;
  const parts = parsePlaceholders(from.trim());
  if (parts.length === 1 && parts[0].kind === "expression") return parts[0].source;
  throw new ExpressionError({
    code: "NOT_AN_EXPRESSION",
    detail: 'a mapping field holds one jsonata expression, not a template; join text with &, e.g. "Hello " & name',
  });
}

class RecordMapper {
  private readonly values: unknown[];

  constructor(
    private readonly plans: FieldPlan[],
    private readonly shape: Shape,
    private readonly limits: ExpressionLimits,
    private readonly parserRef: { parser?: PictureParser },
  ) {
    this.values = new Array<unknown>(plans.length);
  }

  /** `$trigger`, `$steps`, `$env` as plain data, made once per call. */
  contextBindings(context: MappingContext | undefined): Record<string, unknown> {
    const bindings: Record<string, unknown> = {};
    if (!context) return bindings;
    for (const name of ["trigger", "steps", "env"] as const) {
      if (Object.prototype.hasOwnProperty.call(context, name)) bindings[name] = sanitizeInput(context[name], this.limits);
    }
    return bindings;
  }

  /** Synchronous unless a field needs jsonata for this record. */
  map(record: unknown, bindings: Record<string, unknown>, recordIndex: number | undefined): Record<string, unknown> | Promise<Record<string, unknown>> {
    const budget = newBudget(this.limits);
    const values = this.values;
    for (let i = 0; i < this.plans.length; i++) {
      const plan = this.plans[i];
      const value = plan.expression.readFast(record);
      if (value === NEEDS_JSONATA) return this.mapFrom(i, record, bindings, recordIndex, budget);
      values[i] = this.finish(plan, value, budget, recordIndex);
    }
    return buildRecord(this.shape, values) ?? {};
  }

  /** The rest of a record from field `start` on, awaiting jsonata where needed. */
  private async mapFrom(start: number, record: unknown, bindings: Record<string, unknown>, recordIndex: number | undefined, budget: OutputBudget) {
    // Copy: a later record must not overwrite this one's values while it awaits.
    const values = this.values.slice();
    let sanitized: unknown;
    for (let i = start; i < this.plans.length; i++) {
      const plan = this.plans[i];
      let value = plan.expression.readFast(record);
      if (value === NEEDS_JSONATA) {
        sanitized ??= sanitizeInput(record, this.limits);
        try {
          value = await plan.expression.evaluate(sanitized, bindings);
        } catch (err) {
          throw locate(err, plan.destination, plan.shown).at({ recordIndex });
        }
      }
      values[i] = this.finish(plan, value, budget, recordIndex);
    }
    return buildRecord(this.shape, values) ?? {};
  }

  private finish(plan: FieldPlan, raw: unknown, budget: OutputBudget, recordIndex: number | undefined): unknown {
    try {
      let value = raw;
      if (plan.transform) {
        // Transforms see plain data (forbidden keys already gone).
        if (value !== null && typeof value === "object") value = sanitizeOutput(value, this.limits, newBudget(this.limits));
        value = plan.transform(value);
      }
      if (plan.required && isEmptyValue(value)) {
        throw new ExpressionError({ code: "REQUIRED", detail: "required field is empty" });
      }
      switch (typeof value) {
        case "string":
          return outputString(value, this.limits, budget);
        case "number":
          return outputNumber(value, budget);
        case "boolean":
        case "undefined":
          return value;
        default:
          return sanitizeOutput(value, this.limits, budget);
      }
    } catch (err) {
      throw locate(err, plan.destination, plan.shown).at({ recordIndex });
    }
  }
}
