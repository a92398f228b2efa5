// GET /api/oauth/[connector]/start?name=…[&field=…] — send the user to the provider to authorize a new connection
import { NextResponse } from "next/server";
import { startAuthorization } from "@/lib/oauth/authorization-flow";
import { publicOrigin } from "@/lib/api/site-origin";
import { browserActor, failure } from "@/lib/oauth/oauth-routes";

export async function GET(request: Request, { params }: { params: Promise<{ connector: string }> }): Promise<Response> {
  const actor = await browserActor(request);
  if (actor instanceof NextResponse) return actor;
  const query = new URL(request.url).searchParams;
  const fields = Object.fromEntries([...query].filter(([k]) => k !== "name"));
  try {
    const url = await startAuthorization(actor, {
      connector: (await params).connector,
      name: query.get("name") ?? "",
      fields,
      publicOrigin: publicOrigin(request),
    });
    return NextResponse.redirect(url, 303);
  } catch (error) {
    return failure(request, error);
  }
}
