import { resetEnvCache } from "@/lib/env";
import { runFlowManually } from "../executions-service";
import { internalRunSecret } from "../internal-auth";
import type { EngineFixture } from "./engine-fixture";

// Test helpers for fan-out: switch it on against a base URL, a flow whose one step tells the
// sink which execution ran it, and a count of those calls per execution ("ran exactly once").

export const TEST_CRON_SECRET = "a-cron-secret-of-32-characters!!";
export const TEST_INTERNAL_SECRET = internalRunSecret(TEST_CRON_SECRET);

export function enableFanOut(publicUrl: string): void {
  process.env.JUNCTION_FANOUT = "on";
  process.env.CRON_SECRET = TEST_CRON_SECRET;
  process.env.JUNCTION_PUBLIC_URL = publicUrl;
  resetEnvCache();
}

export function disableFanOut(): void {
  delete process.env.JUNCTION_FANOUT;
  delete process.env.CRON_SECRET;
  delete process.env.JUNCTION_PUBLIC_URL;
  resetEnvCache();
}

/** A manual flow with one HTTP step that posts its execution's id to the fixture's sink. */
export function reportingFlow(f: EngineFixture): Promise<string> {
  return f.flow({
    name: `Reports ${Math.random().toString(36).slice(2, 8)}`,
    steps: [
      {
        key: "report",
        type: "action",
        connector: "http",
        action: "request",
        connection: null,
        input: { method: "POST", url: `${f.sink.origin}/ran`, body: { execution: "{{ env.execution_id }}" } },
      },
    ],
  });
}

/** Queues `count` executions of the flow without running any. */
export async function enqueueRuns(f: EngineFixture, flowId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await runFlowManually(f.actor, flowId, { payload: { i } })).id);
  return ids;
}

/** How many times the sink was called for each execution. */
export function sinkCallsPerExecution(f: EngineFixture): Map<string, number> {
  const calls = new Map<string, number>();
  for (const request of f.sink.requests) {
    const id = (JSON.parse(request.body) as { execution: string }).execution;
    calls.set(id, (calls.get(id) ?? 0) + 1);
  }
  return calls;
}

/** Makes the sink hold every answer until the returned function is called. */
export function holdSinkAnswers(f: EngineFixture): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  f.respond(async (_req, res) => {
    await released;
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
  return release;
}

/** Waits (up to 5 s) until the sink has been called at least once. */
export async function untilSinkCalled(f: EngineFixture): Promise<void> {
  for (const deadline = Date.now() + 5_000; f.sink.requests.length === 0 && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 20));
  }
}
