// GET /api/v1/alerts?status=open,acknowledged&limit= — this workspace's alerts, newest first
import { parseParams } from "@/lib/api/request";
import { apiRoute, json } from "@/lib/api/route";
import { alertListQuerySchema, listAlerts } from "@/lib/alerts/manage-alerts";

export const GET = apiRoute({}, async ({ request, principal }) => {
  const query = parseParams(alertListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json({ data: await listAlerts(principal, query) });
});
