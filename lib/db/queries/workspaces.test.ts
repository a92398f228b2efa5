import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { workspaces } from "../schema";
import { withUser } from "../scope";
import { openTestDatabase } from "../testing";
import type { DatabaseHandle } from "../types";
import { ensureAuthUser } from "./users";
import { createWorkspace, ensurePersonalWorkspace, listMemberships } from "./workspaces";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("workspaces", () => {
  it("a user's personal workspace is created once, even by concurrent first requests", async () => {
    const user = { id: randomUUID(), email: "dana@example.com" };
    await ensureAuthUser(handle.db, user);
    await Promise.all(Array.from({ length: 5 }, () => ensurePersonalWorkspace(handle.db, user)));
    const personal = await handle.db.select().from(workspaces).where(eq(workspaces.personalFor, user.id));
    expect(personal).toHaveLength(1);
    expect(personal[0].name).toBe("dana's workspace");
    const memberships = await withUser({ userId: user.id }, (tx) => listMemberships(tx, user.id));
    expect(memberships).toEqual([{ id: personal[0].id, name: "dana's workspace", role: "owner" }]);
  });

  it("lists every workspace of the user with their role, personal first", async () => {
    const user = { id: randomUUID(), email: "eli@example.com" };
    await ensureAuthUser(handle.db, user);
    await ensurePersonalWorkspace(handle.db, user);
    const client = await createWorkspace(handle.db, { name: "Client B", ownerId: user.id });
    const memberships = await withUser({ userId: user.id }, (tx) => listMemberships(tx, user.id));
    expect(memberships.map((m) => [m.name, m.role])).toEqual([
      ["eli's workspace", "owner"],
      ["Client B", "owner"],
    ]);
    expect(memberships[1].id).toBe(client.id);
  });
});
