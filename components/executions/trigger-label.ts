const LABELS: Record<string, string> = { webhook: "Webhook", schedule: "Schedule", manual: "Manual" };

/** "Webhook", "Schedule", "Manual" — or the stored word itself for a type added later. */
export function triggerLabel(type: string): string {
  return LABELS[type] ?? type;
}
