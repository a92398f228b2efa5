import { z } from "zod";

// Every API error is an ApiError with a status, a stable code and a message a person can
// act on; toErrorResponse() is the one place that turns anything thrown into JSON.

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly extra: Record<string, unknown> = {},
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export class ValidationError extends ApiError {
  constructor(message: string, field?: string) {
    super(400, "validation_failed", message, field ? { field } : {});
    this.name = "ValidationError";
  }
}

export const unauthorized = (message: string) =>
  new ApiError(401, "unauthorized", message, {}, { "WWW-Authenticate": 'Bearer realm="junction"' });
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const notFound = (message = "Not found.") => new ApiError(404, "not_found", message);
export const conflict = (message: string) => new ApiError(409, "conflict", message);

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
}

/** The first issue of a zod error, as a 400 naming the field. */
export function fromZodError(error: z.ZodError, prefix?: string): ValidationError {
  const issue = error.issues[0];
  let path = [...(prefix ? [prefix] : []), ...issue.path];
  if (issue.code === "unrecognized_keys") path = [...path, issue.keys[0]];
  const field = fieldPath(path) || undefined;
  const message = issue.code === "unrecognized_keys" ? `unknown field` : issue.message;
  return new ValidationError(field ? `${field}: ${message}` : message, field);
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_failed" }),
      message: z.string(),
      field: z.string().optional(),
    }),
  })
  .meta({ id: "Error" });

export function errorResponse(error: ApiError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...error.extra } },
    { status: error.status, headers: error.headers },
  );
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error);
  if (error instanceof z.ZodError) return errorResponse(fromZodError(error));
  // Never echo an unexpected error: it may carry SQL, stack frames or secrets.
  console.error("[api] unexpected error:", error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : "unknown");
  return errorResponse(new ApiError(500, "internal_error", "Something went wrong on our side. Please try again."));
}
