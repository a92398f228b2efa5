"use client";

import { ErrorPanel } from "@/components/shell/error-panel";

// Inside the hub the sidebar and header stay; only the page area shows the error.
export default function HubErrorPage(props: { error: unknown; retry: () => void }) {
  return <ErrorPanel {...props} />;
}
