// POST (or PUT/GET when enabled) /api/webhooks/[token] — accept an event: stored with its queued
// execution before the answer. `npm start` answers these paths with its own listener
// (lib/webhooks/node-listener.ts) and the same receiveWebhook; this route serves them under
// `next dev`, plain `next start` and on Vercel.
import { receiveWebhook } from "@/lib/webhooks/receive";

async function receive(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return receiveWebhook((await params).token, request);
}

export const POST = receive;
export const PUT = receive;
export const GET = receive;
