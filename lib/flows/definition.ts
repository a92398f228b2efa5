import { z } from "zod";

// A flow as JSON: the one shape the API accepts, import/export writes, flow_versions stores
// and the engine runs. Templates inside (`{{ … }}`) are checked by compiling them when a flow
// is saved (validate-flow.ts); here only their shape is checked.

const STEP_KEY = /^[a-z][a-z0-9_]{0,62}$/;
const RESERVED_KEYS = new Set(["trigger", "steps", "env", "record", "item", "index", "__proto__", "constructor", "prototype"]);

export const stepKeySchema = z
  .string()
  .regex(STEP_KEY, "must start with a letter and hold only lowercase letters, digits and _ (at most 63)")
  .refine((k) => !RESERVED_KEYS.has(k), "is a reserved name");

/** Any JSON value; strings may hold {{ }} templates. */
export const templateSchema: z.ZodType<unknown> = z.json();

export const retryPolicySchema = z
  .strictObject({
    /** Delays between scheduled retries, in seconds; default 300, 900, 3600. An empty list: never retry. */
    delays_seconds: z.array(z.number().int().min(1).max(7 * 86_400)).max(10),
  })
  .meta({ id: "RetryPolicy" });

const signatureSchema = z.strictObject({
  scheme: z.enum(["none", "stripe", "github", "slack", "shopify", "standard-webhooks", "generic-hmac"]),
  secret: z.string().min(1).max(1000).optional(),
  header: z.string().max(100).optional(),
  algorithm: z.enum(["sha1", "sha256", "sha512"]).optional(),
  encoding: z.enum(["hex", "base64"]).optional(),
  prefix: z.string().max(50).optional(),
});

export const triggerSchema = z
  .discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("webhook"),
      signature: signatureSchema.optional(),
      methods: z.array(z.enum(["POST", "PUT", "GET"])).min(1).optional(),
      max_body_bytes: z.number().int().min(1024).max(10 * 1024 * 1024).optional(),
      dedup: z
        .strictObject({ path: z.string().max(200).optional(), window_seconds: z.number().int().min(1).max(30 * 86_400).optional() })
        .optional(),
      /** A sample payload for the flow builder's data picker. */
      sample: z.json().optional(),
    }),
    z.strictObject({
      type: z.literal("schedule"),
      cron: z.string().min(9).max(100),
      timezone: z.string().min(1).max(64).default("UTC"),
    }),
    z.strictObject({ type: z.literal("manual"), sample: z.json().optional() }),
  ])
  .meta({ id: "Trigger" });

export type Trigger = z.infer<typeof triggerSchema>;

const connectionRef = z.string().uuid("must be a connection id").nullable().default(null);

export const actionStepSchema = z.strictObject({
  key: stepKeySchema,
  name: z.string().max(200).optional(),
  type: z.literal("action"),
  connector: z.string().min(1).max(100),
  action: z.string().min(1).max(100),
  connection: connectionRef,
  input: templateSchema.default({}),
  retry: retryPolicySchema.optional(),
  /** continue: a failure is logged and the flow goes on (the step's output is its error). */
  on_error: z.enum(["stop", "continue"]).default("stop"),
});

export const transformStepSchema = z.strictObject({
  key: stepKeySchema,
  name: z.string().max(200).optional(),
  type: z.literal("transform"),
  /** destination field → expression, or { from, transforms, required } (lib/engine/expressions). */
  mapping: z.strictObject({ fields: z.record(z.string(), z.json()) }),
});

export const filterStepSchema = z.strictObject({
  key: stepKeySchema,
  name: z.string().max(200).optional(),
  type: z.literal("filter"),
  /** A jsonata expression; the flow stops here (succeeded, "filtered") unless it is truthy. */
  condition: z.string().min(1).max(5000),
});

export const delayStepSchema = z.strictObject({
  key: stepKeySchema,
  name: z.string().max(200).optional(),
  type: z.literal("delay"),
  seconds: z.number().int().min(1).max(7 * 86_400),
});

export const syncStepSchema = z.strictObject({
  key: stepKeySchema,
  name: z.string().max(200).optional(),
  type: z.literal("sync"),
  /** A read action that pages; records are read page by page and never all held at once. */
  source: z.strictObject({
    connector: z.string().min(1),
    action: z.string().min(1),
    connection: connectionRef,
    input: templateSchema.default({}),
  }),
  /** Records whose filter expression is falsy are dropped. */
  filter: z.string().max(5000).optional(),
  mapping: z.strictObject({ fields: z.record(z.string(), z.json()) }),
  /** Expression giving a record's identity; records already delivered are skipped. */
  dedup_key: z.string().max(1000).optional(),
  destination: z.strictObject({
    connector: z.string().min(1),
    action: z.string().min(1),
    connection: connectionRef,
    /** A template over `records` (the mapped batch) — or, with batch_size 1, `record`. */
    input: templateSchema,
  }),
  batch_size: z.number().int().min(1).max(1000).default(100),
});

export type ActionStep = z.infer<typeof actionStepSchema>;
export type TransformStep = z.infer<typeof transformStepSchema>;
export type FilterStep = z.infer<typeof filterStepSchema>;
export type DelayStep = z.infer<typeof delayStepSchema>;
export type SyncStep = z.infer<typeof syncStepSchema>;
export type BranchStep = {
  key: string;
  name?: string;
  type: "branch";
  condition: string;
  then: Step[];
  else: Step[];
};
export type LoopStep = {
  key: string;
  name?: string;
  type: "loop";
  /** Expression giving the array to loop over; inside, `item` and `index` are bound. */
  items: string;
  steps: Step[];
  max_iterations: number;
};
export type Step = ActionStep | TransformStep | FilterStep | DelayStep | SyncStep | BranchStep | LoopStep;

export const stepSchema: z.ZodType<Step> = z.lazy(() =>
  z.discriminatedUnion("type", [
    actionStepSchema,
    transformStepSchema,
    filterStepSchema,
    delayStepSchema,
    syncStepSchema,
    z.strictObject({
      key: stepKeySchema,
      name: z.string().max(200).optional(),
      type: z.literal("branch"),
      condition: z.string().min(1).max(5000),
      then: z.array(stepSchema).max(100).default([]),
      else: z.array(stepSchema).max(100).default([]),
    }),
    z.strictObject({
      key: stepKeySchema,
      name: z.string().max(200).optional(),
      type: z.literal("loop"),
      items: z.string().min(1).max(5000),
      steps: z.array(stepSchema).min(1).max(100),
      max_iterations: z.number().int().min(1).max(10_000).default(1000),
    }),
  ]),
) as z.ZodType<Step>;

export const flowDefinitionSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(200),
    description: z.string().max(2000).default(""),
    active: z.boolean().default(false),
    trigger: triggerSchema,
    steps: z.array(stepSchema).max(100).default([]),
    /** Steps run when the flow fails (after its last retry); `error` holds what went wrong. */
    on_error: z.array(stepSchema).max(20).default([]),
    retry: retryPolicySchema.optional(),
  })
  .superRefine((flow, ctx) => {
    const seen = new Set<string>();
    const visit = (steps: Step[], path: (string | number)[]) =>
      steps.forEach((step, i) => {
        if (seen.has(step.key)) ctx.addIssue({ code: "custom", path: [...path, i, "key"], message: `"${step.key}" is used by another step` });
        seen.add(step.key);
        if (step.type === "branch") {
          visit(step.then, [...path, i, "then"]);
          visit(step.else, [...path, i, "else"]);
        }
        if (step.type === "loop") visit(step.steps, [...path, i, "steps"]);
      });
    visit(flow.steps, ["steps"]);
    visit(flow.on_error, ["on_error"]);
  })
  .meta({ id: "FlowDefinition" });

export type FlowDefinition = z.infer<typeof flowDefinitionSchema>;

/** Every step, nested ones included, in document order, with where it sits. */
export function walkSteps(steps: Step[], parent?: { key: string; arm: string }): { step: Step; parent?: { key: string; arm: string } }[] {
  return steps.flatMap((step) => [
    { step, parent },
    ...(step.type === "branch"
      ? [...walkSteps(step.then, { key: step.key, arm: "then" }), ...walkSteps(step.else, { key: step.key, arm: "else" })]
      : step.type === "loop"
        ? walkSteps(step.steps, { key: step.key, arm: "loop" })
        : []),
  ]);
}
