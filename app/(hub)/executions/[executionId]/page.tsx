import { notFound, redirect } from "next/navigation";
import { and, eq } from "drizzle-orm";
import { z } from "zod";

import { requireSession } from "@/lib/auth/session";
import { executions } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";

// /executions/<id> is a short link: executions live under their flow.
export default async function ExecutionShortLink({ params }: { params: Promise<{ executionId: string }> }) {
  const { executionId } = await params;
  if (!z.string().uuid().safeParse(executionId).success) notFound();
  const session = await requireSession();
  const [row] = await withUser({ userId: session.user.id, email: session.user.email }, (tx) =>
    tx
      .select({ flowId: executions.flowId })
      .from(executions)
      .where(and(eq(executions.workspaceId, session.workspace.id), eq(executions.id, executionId))),
  );
  if (!row) notFound();
  redirect(`/flows/${row.flowId}/executions/${executionId}`);
}
