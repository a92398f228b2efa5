import {
  compileMapping,
  compileTemplate,
  ExpressionError,
  ExpressionValidationError,
  type CompiledMapping,
  type CompiledTemplate,
} from "@/lib/engine/expressions";
import { NonRetriableError } from "./outcomes";

// The engine's use of the expression module: templates, conditions and mappings, with any
// expression error turned into a step failure that names the field and is not retried.
// Compiled once per flow version: definitions of a version are cached and never change, so
// their template objects are stable keys; bare expression strings are keyed by their text.

const compiledTemplates = new WeakMap<object, CompiledTemplate>();
const compiledStrings = new Map<string, CompiledTemplate>();
const compiledMappings = new WeakMap<object, CompiledMapping>();
const MAX_STRING_TEMPLATES = 5000;

function fail(error: unknown, where: string): never {
  if (error instanceof ExpressionValidationError) {
    const first = error.errors[0];
    throw new NonRetriableError(`${where}${first?.path ? `.${first.path}` : ""}: ${first?.detail ?? error.message}`);
  }
  if (error instanceof ExpressionError) {
    throw new NonRetriableError(`${where}${error.path ? `.${error.path}` : ""}: ${error.detail}`);
  }
  throw error;
}

function templateFor(template: unknown): CompiledTemplate {
  if (template !== null && typeof template === "object") {
    let compiled = compiledTemplates.get(template);
    if (!compiled) compiledTemplates.set(template, (compiled = compileTemplate(template)));
    return compiled;
  }
  if (typeof template === "string") {
    let compiled = compiledStrings.get(template);
    if (!compiled) {
      if (compiledStrings.size >= MAX_STRING_TEMPLATES) compiledStrings.delete(compiledStrings.keys().next().value!);
      compiledStrings.set(template, (compiled = compileTemplate(template)));
    }
    return compiled;
  }
  return compileTemplate(template);
}

export async function evaluateTemplate(template: unknown, context: Record<string, unknown>, where: string): Promise<unknown> {
  try {
    return await templateFor(template).evaluate(context);
  } catch (error) {
    fail(error, where);
  }
}

/** A bare expression (a condition, a loop's items), evaluated to its raw value. */
export async function evaluateExpression(expression: string, context: Record<string, unknown>, where: string): Promise<unknown> {
  return evaluateTemplate(`{{ ${expression} }}`, context, where);
}

/** Maps a record; the record is the expressions' root, the context is there as $trigger, $steps, $env. */
export async function applyMapping(
  mapping: { fields: Record<string, unknown> },
  record: unknown,
  context: Record<string, unknown>,
  where: string,
): Promise<Record<string, unknown>> {
  try {
    let compiled = compiledMappings.get(mapping);
    if (!compiled) compiledMappings.set(mapping, (compiled = compileMapping(mapping)));
    return await compiled.apply(record, context);
  } catch (error) {
    fail(error, where);
  }
}

export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}
