// GET, POST /api/v1/notification-channels — list channels (never their secrets); add one (admin)
import { readJson } from "@/lib/api/request";
import { apiRoute, json } from "@/lib/api/route";
import { channelCreateSchema, createChannel, listChannels } from "@/lib/alerts/channels";

export const GET = apiRoute({ minRole: "member" }, async ({ principal }) => json({ data: await listChannels(principal) }));

export const POST = apiRoute({ minRole: "admin" }, async ({ request, principal }) => {
  const input = await readJson(request, channelCreateSchema);
  return json(await createChannel(principal, input), 201);
});
