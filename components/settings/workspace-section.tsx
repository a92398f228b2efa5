import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CreateWorkspaceDialog } from "./create-workspace-dialog";
import { RenameWorkspaceForm } from "./rename-workspace-form";

export function WorkspaceSection({ name, canManage }: { name: string; canManage: boolean }) {
  return (
    <Card id="workspace" className="scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <h2>Workspace</h2>
        </CardTitle>
        <CardDescription>
          Connections, flows and runs belong to a workspace; its members see only its data.
        </CardDescription>
        <CardAction>
          <CreateWorkspaceDialog />
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-6">
        <RenameWorkspaceForm name={name} canManage={canManage} />
      </CardContent>
    </Card>
  );
}
