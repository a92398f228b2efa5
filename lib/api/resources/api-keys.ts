import { z } from "zod";

// Shared by the Settings form, its server action and (later) the REST API.
export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the key a name.").max(100, "At most 100 characters."),
});

export const workspaceCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the workspace a name.").max(100, "At most 100 characters."),
});
