import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RetentionForm } from "./retention-form";

export function RetentionSection({ days, canManage }: { days: number; canManage: boolean }) {
  return (
    <Card id="retention" className="scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <h2>Retention</h2>
        </CardTitle>
        <CardDescription>How long run logs and received webhook events are kept before they are deleted.</CardDescription>
      </CardHeader>
      <CardContent>
        <RetentionForm days={days} canManage={canManage} />
      </CardContent>
    </Card>
  );
}
