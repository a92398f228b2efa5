import { useId } from "react";
import Image from "next/image";
import { ArrowRight, Zap } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { UseTemplateDialog, type ConnectionChoice, type TemplateSummary } from "./use-template-dialog";

export function TemplateCard({
  template,
  connectors,
  connections,
  canCreate,
}: {
  template: TemplateSummary;
  connectors: { slug: string; name: string; icon: string }[];
  connections: ConnectionChoice[];
  canCreate: boolean;
}) {
  const titleId = useId();
  const connectorNames = Object.fromEntries(connectors.map((c) => [c.slug, c.name]));
  return (
    <article aria-labelledby={titleId} className="h-full">
      <Card className="h-full gap-4">
        <CardHeader>
          <div className="mb-2 flex items-center gap-1.5" aria-label={connectors.map((c) => c.name).join(" to ")} role="img">
            {connectors.map((c, i) => (
              <span key={c.slug} className="flex items-center gap-1.5">
                {i > 0 ? <ArrowRight aria-hidden="true" className="size-4 text-muted-foreground" /> : null}
                <span className="flex size-9 items-center justify-center rounded-lg border bg-background">
                  <Image src={c.icon} alt="" width={20} height={20} unoptimized />
                </span>
              </span>
            ))}
          </div>
          <CardTitle>
            <h2 id={titleId}>{template.name}</h2>
          </CardTitle>
          <CardDescription>{template.description}</CardDescription>
        </CardHeader>
        <CardContent className="flex-1">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-muted-foreground">Trigger</dt>
            <dd className="flex min-w-0 items-center gap-1">
              <Zap aria-hidden="true" className="size-3.5 shrink-0" />
              <span className="truncate">{template.triggerLabel}</span>
            </dd>
            <dt className="text-muted-foreground">Steps</dt>
            <dd>{template.stepCount}</dd>
            <dt className="text-muted-foreground">Needs</dt>
            <dd>{template.slots.map((s) => connectorNames[s.connector] ?? s.connector).join(", ")}</dd>
          </dl>
        </CardContent>
        <CardFooter>
          {canCreate ? (
            <UseTemplateDialog template={template} connectorNames={connectorNames} connections={connections} />
          ) : (
            <Button disabled aria-label={`Use template ${template.name}`}>
              Use template
            </Button>
          )}
        </CardFooter>
      </Card>
    </article>
  );
}
