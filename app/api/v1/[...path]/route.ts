// ANY /api/v1/* — unknown API routes answer a JSON 404 instead of the HTML not-found page
import { errorResponse, notFound } from "@/lib/api/errors";

function unknownRoute(request: Request): Response {
  return errorResponse(notFound(`No API route ${request.method} ${new URL(request.url).pathname}.`));
}

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
