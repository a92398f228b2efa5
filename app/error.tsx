"use client";

import { ErrorPanel } from "@/components/shell/error-panel";

export default function ErrorPage(props: { error: unknown; retry: () => void }) {
  return (
    <main>
      <ErrorPanel {...props} />
    </main>
  );
}
