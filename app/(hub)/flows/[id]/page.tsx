import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { FlowBuilder } from "@/components/flow-builder/flow-builder";
import { ApiError } from "@/lib/api/errors";
import { requireSession } from "@/lib/auth/session";
import { actorOf } from "@/lib/auth/types";
import { getFlow } from "@/lib/flows/flow-store";
import { loadBuilderData } from "@/lib/flows/builder/load-builder-data";
import { getWebhook } from "@/lib/webhooks/events-service";

export const metadata: Metadata = { title: "Flow" };

export default async function FlowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireSession();
  const flow = await getFlow(actorOf(session), id).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  const data = await loadBuilderData(session);
  const signingSecretStored =
    flow.definition.trigger.type === "webhook" && (await getWebhook(actorOf(session), flow.row.id).catch(() => null))?.has_signing_secret === true;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href="/flows" className="text-muted-foreground hover:underline">
          ← Flows
        </Link>
        <Link href={`/executions?flow_id=${flow.row.id}`} className="text-muted-foreground hover:underline">
          Executions of this flow
        </Link>
      </div>
      <FlowBuilder
        key={flow.row.id}
        flowId={flow.row.id}
        version={flow.row.version}
        active={flow.row.isActive}
        pausedReason={flow.row.pausedReason}
        definition={{ ...flow.definition, active: flow.row.isActive }}
        signingSecretStored={signingSecretStored}
        {...data}
      />
    </>
  );
}
