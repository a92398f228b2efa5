// DELETE /api/v1/notification-channels/{id} — remove a channel and its sealed secret (admin)
import { apiRoute } from "@/lib/api/route";
import { deleteChannel } from "@/lib/alerts/channels";

export const DELETE = apiRoute<{ id: string }>({ minRole: "admin" }, async ({ params, principal }) => {
  await deleteChannel(principal, params.id);
  return new Response(null, { status: 204 });
});
