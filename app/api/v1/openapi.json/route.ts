// GET /api/v1/openapi.json — the API's OpenAPI 3.1 document (public, no key needed)
import { openApiDocument } from "@/lib/api/openapi";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
