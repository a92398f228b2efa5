/** Turns zod issues from mappingSchema into flat (path, message) pairs a person can act on. */
export type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][]; issues?: Issue[] };

/** zod's union and record-key issues hide the useful message one level down; bring it up. */
export function flattenIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors?.length) {
      // The branch that got past the type check is the one the user meant (text or { from … }).
      const branch = issue.errors.find((errs) => errs.some((e) => e.code !== "invalid_type" || e.path.length > 0)) ?? issue.errors[0];
      out.push(...flattenIssues(branch, path));
    } else if (issue.code === "invalid_key" && issue.issues?.length) {
      out.push(...issue.issues.map((inner) => ({ path, message: inner.message })));
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}
