"use client";

import { useId, useRef, useState, useTransition } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { createCustomConnectorAction, type CustomConnectorState } from "@/app/(hub)/connectors/actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Separator } from "@/components/ui/separator";
import { CUSTOM_AUTH_TYPES, type CustomAuthType } from "./custom-connector-form";

/** Defines a connector for an internal or unlisted API (admins and owners). */
export function AddCustomConnectorDialog() {
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFormKey((k) => k + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Plus aria-hidden="true" />
          Add custom connector
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100svh-2rem)] overflow-y-auto">
        <CustomConnectorForm
          key={formKey}
          onDone={(name) => {
            setOpen(false);
            setFormKey((k) => k + 1);
            toast.success(`Added “${name}”.`, { description: "Connect an account to it from its card." });
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function Field({
  id,
  label,
  help,
  optional,
  invalid,
  errorId,
  ...input
}: {
  id: string;
  label: string;
  help?: string;
  optional?: boolean;
  invalid: boolean;
  errorId: string;
} & React.ComponentProps<typeof Input>) {
  const helpId = help ? `${id}-help` : undefined;
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>
        {label}
        {optional ? <span className="font-normal text-muted-foreground">(optional)</span> : null}
      </Label>
      <Input
        id={id}
        required={!optional}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={[helpId, invalid ? errorId : undefined].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      {help ? (
        <p id={helpId} className="text-xs text-muted-foreground">
          {help}
        </p>
      ) : null}
    </div>
  );
}

function CustomConnectorForm({ onDone }: { onDone: (name: string) => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [authType, setAuthType] = useState<CustomAuthType>("api_key");
  const [result, setResult] = useState<CustomConnectorState | null>(null);
  const [pending, startTransition] = useTransition();
  const errorId = `${id}-error`;
  const field = (name: string) => ({
    id: `${id}-${name.replace(".", "-")}`,
    name,
    invalid: result?.field === name,
    errorId,
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await createCustomConnectorAction(formData);
      if (outcome.ok) {
        onDone(outcome.connector?.name ?? String(formData.get("name") ?? ""));
        return;
      }
      setResult(outcome);
      formRef.current?.querySelectorAll<HTMLInputElement>('input[type="password"]').forEach((input) => {
        input.value = "";
      });
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Add custom connector</DialogTitle>
        <DialogDescription>
          For an internal or unlisted REST API: flows call it with the HTTP request action under its base URL.
        </DialogDescription>
      </DialogHeader>
      <Field {...field("name")} label="Name" placeholder="e.g. Billing API" maxLength={100} />
      <Field {...field("description")} label="Description" optional maxLength={500} />
      <Field
        {...field("base_url")}
        label="Base URL"
        type="url"
        placeholder="https://api.example.com/v1"
        help="Credentials are only ever sent to this host."
      />
      <div className="grid gap-2">
        <Label htmlFor={`${id}-auth`}>Auth type</Label>
        <input type="hidden" name="auth_type" value={authType} />
        <Select value={authType} onValueChange={(v) => setAuthType(v as CustomAuthType)}>
          <SelectTrigger id={`${id}-auth`} className="w-full" aria-invalid={result?.field === "auth_type" || undefined}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {CUSTOM_AUTH_TYPES.map((t) => (
              <SelectItem key={t.value} value={t.value}>
                {t.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {authType === "api_key" ? (
        <Field
          {...field("header_name")}
          label="Header name"
          optional
          placeholder="X-API-Key"
          help="The request header that carries the key; X-API-Key when left empty."
        />
      ) : null}
      <Field
        {...field("validate_path")}
        label="Validation path"
        optional
        placeholder="/me"
        help="A cheap GET under the base URL that succeeds only with valid credentials. Without it, credentials are saved unchecked."
      />
      {authType === "oauth2" ? (
        <fieldset className="grid gap-4">
          <Separator />
          <legend className="sr-only">OAuth 2.0 app</legend>
          <p className="text-sm font-medium" aria-hidden="true">
            OAuth 2.0 app
          </p>
          <Field {...field("oauth2.authorize_url")} label="Authorize URL" type="url" placeholder="https://example.com/oauth/authorize" />
          <Field {...field("oauth2.token_url")} label="Token URL" type="url" placeholder="https://example.com/oauth/token" />
          <Field {...field("oauth2.scopes")} label="Scopes" optional placeholder="read write" help="Separated by spaces or commas." />
          <Field {...field("oauth2.client_id")} label="Client ID" />
          <Field
            {...field("oauth2.client_secret")}
            label="Client secret"
            type="password"
            className="font-mono"
            help="Stored encrypted; it cannot be shown again."
          />
        </fieldset>
      ) : null}
      {result?.error ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {result.error}
        </p>
      ) : null}
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add connector"}
        </Button>
      </DialogFooter>
    </form>
  );
}
