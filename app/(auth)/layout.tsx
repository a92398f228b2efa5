import Link from "next/link";

// Whether sign-in exists at all depends on the environment at run time, not at build time.
export const dynamic = "force-dynamic";

// Sign-in and sign-up: one card in the middle of the page, no hub navigation.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-svh flex-col items-center justify-center gap-6 bg-muted/40 p-6">
      <Link href="/" className="text-lg font-semibold tracking-tight">
        Junction
      </Link>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
