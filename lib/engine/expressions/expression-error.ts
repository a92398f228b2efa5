/**
 * Errors raised while compiling or evaluating templates and mappings. The message always names
 * where the problem is (`body.email: …`) and, when there is one, the expression as written.
 */
export interface ExpressionErrorInit {
  /** What went wrong, without location (e.g. `$uppercase: argument 1 must be a string, got a number`). */
  detail: string;
  /** jsonata's error code (`T0410`, `S0202`, `D1012`…) or one of ours (see README). */
  code: string;
  /** Location inside the template (`body.email`, `items[0].id`) or destination field; "" = root. */
  path?: string;
  /** The placeholder (`{{ … }}`) or mapping expression as the user wrote it. */
  expression?: string;
  /** Character offset reported by jsonata inside the expression, when known. */
  position?: number;
  /** Index of the record in `applyMany`, when the error comes from a batch. */
  recordIndex?: number;
}

const MAX_SHOWN_EXPRESSION = 200;

export class ExpressionError extends Error {
  override readonly name: string = "ExpressionError";
  readonly detail: string;
  readonly code: string;
  readonly path: string;
  readonly expression: string | undefined;
  readonly position: number | undefined;
  readonly recordIndex: number | undefined;

  constructor(init: ExpressionErrorInit) {
    super(composeMessage(init));
    this.detail = init.detail;
    this.code = init.code;
    this.path = init.path ?? "";
    this.expression = init.expression;
    this.position = init.position;
    this.recordIndex = init.recordIndex;
  }

  /** The same failure, placed at a location (used by the layers that know where an expression sits). */
  at(location: Partial<Pick<ExpressionErrorInit, "path" | "expression" | "recordIndex">>): ExpressionError {
    return new ExpressionError({
      detail: this.detail,
      code: this.code,
      position: this.position,
      path: location.path ?? this.path,
      expression: location.expression ?? this.expression,
      recordIndex: location.recordIndex ?? this.recordIndex,
    });
  }
}

/** Every problem found when a template or mapping was compiled, reported together. */
export class ExpressionValidationError extends ExpressionError {
  override readonly name: string = "ExpressionValidationError";
  readonly errors: readonly ExpressionError[];

  constructor(errors: readonly ExpressionError[]) {
    const summary = `${errors.length} ${errors.length === 1 ? "problem" : "problems"}: ${errors.map((e) => e.message).join("; ")}`;
    super({ detail: summary, code: "VALIDATION", path: errors[0]?.path });
    this.errors = errors;
    // The summary already names every location.
    this.message = summary;
  }
}

function composeMessage(init: ExpressionErrorInit): string {
  const where = init.path ? init.path : "(root)";
  const record = init.recordIndex === undefined ? "" : ` (record ${init.recordIndex})`;
  let shown = init.expression;
  if (shown !== undefined && shown.length > MAX_SHOWN_EXPRESSION) shown = `${shown.slice(0, MAX_SHOWN_EXPRESSION)}…`;
  const at = shown === undefined ? "" : ` (at "${shown}")`;
  return `${where}${record}: ${init.detail}${at}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["body", "items", 0, "content-type"]` → `body.items[0]["content-type"]`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
