"use client";

import { useId, useRef, useState, useTransition } from "react";
import Image from "next/image";
import { LockKeyhole } from "lucide-react";
import { toast } from "sonner";
import { createConnectionAction, type ConnectState } from "@/app/(hub)/connections/actions";
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
import {
  credentialInputName,
  defaultAuthType,
  inputTypeFor,
  isFieldInvalid,
  oauthStartHref,
  type ConnectTarget,
  type FieldSpec,
} from "./connect-form-model";

/**
 * Connects an account: a name, the auth type when there is a choice, and the fields that auth
 * type declares. Typed credentials are checked with the service by the server before they are
 * saved; OAuth goes through the service's consent page instead. `connectors` with more than one
 * entry adds a connector choice first ("New connection").
 */
export function ConnectDialog({
  connectors,
  children,
}: {
  connectors: ConnectTarget[];
  /** The trigger, e.g. a button. */
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // A fresh form every time: nothing typed survives a close.
        if (!next) setFormKey((k) => k + 1);
      }}
    >
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent className="max-h-[calc(100svh-2rem)] overflow-y-auto">
        <ConnectForm
          key={formKey}
          connectors={connectors}
          onDone={(name) => {
            setOpen(false);
            setFormKey((k) => k + 1);
            toast.success(`Connected “${name}”.`, {
              description: "Its credentials are stored encrypted and cannot be shown again.",
            });
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function ConnectForm({ connectors, onDone }: { connectors: ConnectTarget[]; onDone: (name: string) => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [slug, setSlug] = useState(connectors.length === 1 ? connectors[0].slug : "");
  const target = connectors.find((c) => c.slug === slug);
  const [authType, setAuthType] = useState(() => (target ? defaultAuthType(target.auth) : undefined));
  const option = target?.auth.find((a) => a.type === authType);
  const [name, setName] = useState("");
  const [oauthFields, setOauthFields] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ConnectState | null>(null);
  const [pending, startTransition] = useTransition();
  const errorId = `${id}-error`;

  function choose(nextSlug: string) {
    const next = connectors.find((c) => c.slug === nextSlug);
    setSlug(nextSlug);
    setAuthType(next ? defaultAuthType(next.auth) : undefined);
    setOauthFields({});
    setResult(null);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await createConnectionAction(formData);
      if (outcome.ok) {
        onDone(outcome.connection?.name ?? name);
        return;
      }
      setResult(outcome);
      // A secret that was refused is cleared: type it again rather than resend what you cannot see.
      formRef.current?.querySelectorAll<HTMLInputElement>('input[type="password"]').forEach((input) => {
        input.value = "";
      });
    });
  }

  const isOAuth = option?.type === "oauth2";
  const hasSecret = option?.fields.some((f) => f.kind === "secret") ?? false;
  const invalid = (inputName: string, kind?: FieldSpec["kind"]) => isFieldInvalid(result?.field, inputName, kind);
  const describedBy = (inputName: string, kind: FieldSpec["kind"] | undefined, help?: string) =>
    [help, invalid(inputName, kind) && result?.error ? errorId : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form ref={formRef} onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <div className="flex items-center gap-3">
          {target ? (
            <span className="flex size-9 shrink-0 items-center justify-center rounded-md border bg-background">
              <Image src={target.icon} alt="" width={20} height={20} unoptimized />
            </span>
          ) : null}
          <DialogTitle>{target ? `Connect ${target.name}` : "New connection"}</DialogTitle>
        </div>
        <DialogDescription>
          {!target
            ? "Choose the service, then give the connection a name and its credentials."
            : isOAuth
              ? `You sign in on ${target.name}'s own page; Junction stores the token it grants, encrypted.`
              : `Junction checks these credentials with ${target.name} before saving them, encrypted.`}
        </DialogDescription>
      </DialogHeader>

      {connectors.length > 1 ? (
        <div className="grid gap-2">
          <Label htmlFor={`${id}-connector`}>Connector</Label>
          <Select value={slug} onValueChange={choose}>
            <SelectTrigger id={`${id}-connector`} className="w-full">
              <SelectValue placeholder="Choose a connector" />
            </SelectTrigger>
            <SelectContent>
              {connectors.map((c) => (
                <SelectItem key={c.slug} value={c.slug}>
                  {c.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      ) : null}

      {target && option ? (
        <>
          <input type="hidden" name="connector" value={target.slug} />
          <input type="hidden" name="auth_type" value={option.type} />
          <div className="grid gap-2">
            <Label htmlFor={`${id}-name`}>Connection name</Label>
            <Input
              id={`${id}-name`}
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={`e.g. ${target.name} production`}
              maxLength={100}
              required
              autoComplete="off"
              aria-invalid={invalid("name") || undefined}
              aria-describedby={describedBy("name", undefined)}
            />
          </div>

          {target.auth.length > 1 ? (
            <div className="grid gap-2">
              <Label htmlFor={`${id}-auth`}>Authentication</Label>
              <Select
                value={option.type}
                onValueChange={(next) => {
                  setAuthType(next);
                  setOauthFields({});
                  setResult(null);
                }}
              >
                <SelectTrigger id={`${id}-auth`} className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {target.auth.map((a) => (
                    <SelectItem key={a.type} value={a.type}>
                      {a.type === "oauth2" ? `${a.label} (OAuth)` : a.label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
          ) : null}

          {option.fields.map((field) => {
            const inputName = credentialInputName(field.key);
            const inputId = `${id}-${option.type}-${field.key}`;
            const helpId = field.help ? `${inputId}-help` : undefined;
            return (
              <div key={inputId} className="grid gap-2">
                <Label htmlFor={inputId}>
                  {field.label}
                  {field.required ? null : <span className="font-normal text-muted-foreground">(optional)</span>}
                </Label>
                <Input
                  id={inputId}
                  name={inputName}
                  type={inputTypeFor(field.kind)}
                  required={field.required}
                  placeholder={field.placeholder}
                  autoComplete="off"
                  spellCheck={false}
                  className={field.kind === "secret" ? "font-mono" : undefined}
                  {...(isOAuth
                    ? {
                        value: oauthFields[field.key] ?? field.default ?? "",
                        onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
                          setOauthFields((v) => ({ ...v, [field.key]: e.target.value })),
                      }
                    : { defaultValue: field.default })}
                  aria-invalid={invalid(inputName, field.kind) || undefined}
                  aria-describedby={describedBy(inputName, field.kind, helpId)}
                />
                {field.help ? (
                  <p id={helpId} className="text-xs text-muted-foreground">
                    {field.help}
                  </p>
                ) : null}
              </div>
            );
          })}

          {result?.error ? (
            <p id={errorId} role="alert" className="text-sm text-destructive">
              {result.error}
            </p>
          ) : null}

          {isOAuth ? (
            <DialogFooter className="sm:items-center">
              {target.oauth?.available ? (
                <Button asChild>
                  <a
                    href={oauthStartHref(target.slug, name, oauthFields)}
                    onClick={(e) => {
                      if (name.trim() === "") {
                        e.preventDefault();
                        setResult({ ok: false, error: "Give the connection a name first.", field: "name" });
                      }
                    }}
                  >
                    Connect with {target.name}
                  </a>
                </Button>
              ) : (
                <p role="note" className="text-sm text-muted-foreground">
                  {target.oauth?.reason ?? `${target.name} cannot be connected with OAuth on this deployment.`}
                </p>
              )}
            </DialogFooter>
          ) : (
            <>
              {hasSecret ? (
                <p className="flex items-start gap-2 text-xs text-muted-foreground">
                  <LockKeyhole aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                  After saving, the key cannot be shown again. It is stored encrypted and only sent to {target.name}.
                </p>
              ) : null}
              <DialogFooter>
                <Button type="submit" disabled={pending}>
                  {pending ? "Checking…" : "Save connection"}
                </Button>
              </DialogFooter>
            </>
          )}
        </>
      ) : null}
    </form>
  );
}
