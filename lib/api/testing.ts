// Tests call route handlers directly with a real Request, as Next would, with an API key.

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface RouteCall {
  method?: string;
  body?: unknown;
  params?: Record<string, string>;
  query?: string;
}

export async function callRoute(
  handler: RouteHandler,
  apiKey: string,
  options: RouteCall = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
): Promise<{ status: number; body: any; text: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
  const init: RequestInit = { method: options.method ?? "GET", headers };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const response = await handler(new Request(`http://127.0.0.1:3000/api/v1/x${options.query ?? ""}`, init), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}
