// GET /api/v1/alerts/{id} — one alert of this workspace
import { apiRoute, json } from "@/lib/api/route";
import { getAlert } from "@/lib/alerts/manage-alerts";

export const GET = apiRoute<{ id: string }>({}, async ({ params, principal }) => json(await getAlert(principal, params.id)));
