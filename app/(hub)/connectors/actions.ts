"use server";

import { revalidatePath } from "next/cache";
import { fromZodError } from "@/lib/api/errors";
import { requireSession } from "@/lib/auth/session";
import { actorOf, roleAtLeast } from "@/lib/auth/types";
import { customConnectorSchema } from "@/lib/connections/custom-connector";
import { createCustomConnector } from "@/lib/connections/manage-custom-connectors";
import { customConnectorInputFromForm } from "@/components/connectors/custom-connector-form";
import { actionFailure, type ActionState } from "../connections/action-result";

export type CustomConnectorState = ActionState & { connector?: { slug: string; name: string } };

/** Defines a connector for an internal or unlisted API (admins and owners). */
export async function createCustomConnectorAction(formData: FormData): Promise<CustomConnectorState> {
  const input = customConnectorInputFromForm(formData);
  const oauth2 = input.oauth2 as { client_secret?: string } | undefined;
  const typed = oauth2?.client_secret ? [oauth2.client_secret] : [];
  const parsed = customConnectorSchema.safeParse(input);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error), typed);
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "admin")) {
    return { ok: false, error: "Only admins and owners can add connectors." };
  }
  try {
    const created = await createCustomConnector(actorOf(session), parsed.data);
    revalidatePath("/connectors");
    revalidatePath("/connections");
    return { ok: true, connector: { slug: created.slug, name: created.name } };
  } catch (error) {
    return actionFailure(error, typed);
  }
}
