import Link from "next/link";
import { CheckCircle2, Circle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OnboardingStep } from "@/lib/insights/onboarding";
import { cn } from "@/lib/utils";

/** Four steps to a first run, each ticked from the workspace's data; the next one to do is highlighted. */
export function OnboardingChecklist({ steps, canManage }: { steps: OnboardingStep[]; canManage: boolean }) {
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done);
  return (
    <Card role="region" aria-labelledby="onboarding-title">
      <CardHeader>
        <CardTitle id="onboarding-title">
          <h2>Get started</h2>
        </CardTitle>
        <CardDescription>
          {done} of {steps.length} done. Connect a service, build a flow and watch it run.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ol aria-label="Onboarding checklist" className="grid gap-3 md:grid-cols-2">
          {steps.map((step) => (
            <li
              key={step.key}
              aria-label={`${step.title}${step.done ? " (done)" : ""}`}
              data-done={step.done}
              className={cn("flex items-start gap-3 rounded-lg border p-3", step === next && "border-primary/40 bg-accent/40")}
            >
              {step.done ? (
                <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-600" />
              ) : (
                <Circle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
              )}
              <div className="grid min-w-0 flex-1 gap-1">
                <p className={cn("text-sm font-medium", step.done && "text-muted-foreground line-through")}>{step.title}</p>
                <p className="text-xs text-muted-foreground">{step.description}</p>
                {!step.done && (canManage || step.key === "run") ? (
                  <Button asChild size="sm" variant={step === next ? "default" : "outline"} className="mt-1 justify-self-start">
                    <Link href={step.href}>
                      {step.action}
                    </Link>
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
