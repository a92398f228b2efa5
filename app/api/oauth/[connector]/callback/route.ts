// GET /api/oauth/[connector]/callback — the provider returns here with a code; store the tokens as a connection
import { NextResponse } from "next/server";
import { completeAuthorization } from "@/lib/oauth/authorization-flow";
import { backToConnections, browserActor, failure } from "@/lib/oauth/oauth-routes";

export async function GET(request: Request, { params }: { params: Promise<{ connector: string }> }): Promise<Response> {
  const actor = await browserActor(request);
  if (actor instanceof NextResponse) return actor;
  const query = new URL(request.url).searchParams;
  try {
    const connection = await completeAuthorization(actor, {
      connector: (await params).connector,
      code: query.get("code"),
      state: query.get("state"),
      error: query.get("error"),
      errorDescription: query.get("error_description"),
    });
    return backToConnections(request, { connected: connection.id });
  } catch (error) {
    return failure(request, error);
  }
}
