import { matching } from "../inputs";

// Notion ids are UUIDs, written with or without dashes.
export const notionId = (label: string) =>
  matching(label, /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i, "must be a Notion id (32 hex characters)");
