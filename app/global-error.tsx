"use client";

import { useEffect } from "react";

import { Button } from "@/components/ui/button";
import { errorDigest } from "@/components/shell/error-digest";
import "./globals.css";

/** Replaces the root layout when it fails, so it has no ThemeProvider, Toaster or shell. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);

  useEffect(() => {
    // Without next-themes here, read the choice it stored so a dark-mode user is not flashed white.
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem("theme");
    } catch {
      // Storage can be blocked; the OS preference decides then.
    }
    const dark =
      stored === "dark" ||
      (stored !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  }, []);

  return (
    <html lang="en">
      <body className="min-h-svh bg-background font-sans text-foreground antialiased">
        <title>Something went wrong · Junction</title>
        <main className="flex min-h-svh flex-col items-center justify-center gap-6 px-6 py-16 text-center">
          <div className="flex max-w-md flex-col gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">Junction hit an error</h1>
            <p className="text-sm text-balance text-muted-foreground">
              The application could not render this page. Try again; if it keeps failing, the
              server log has the details.
            </p>
            {digest ? (
              <p className="text-xs text-muted-foreground">
                Error reference: <code className="font-mono">{digest}</code>
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap justify-center gap-2">
            <Button onClick={() => retry()}>Try again</Button>
            <Button variant="outline" asChild>
              {/* A full page load rather than a client navigation: the root layout is broken. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/">Reload the dashboard</a>
            </Button>
          </div>
        </main>
      </body>
    </html>
  );
}
