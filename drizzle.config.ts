import { defineConfig } from "drizzle-kit";

// drizzle-kit writes Supabase-named migrations (<timestamp>_<name>.sql) that the Supabase
// CLI applies unchanged; our migrator reads the same folder through meta/_journal.json.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./supabase/migrations",
  schemaFilter: ["public"],
  migrations: { prefix: "supabase" },
  entities: { roles: { provider: "supabase" } },
});
