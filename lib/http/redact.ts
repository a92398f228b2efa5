// Scrubs secrets out of text that may be logged or stored (error messages, step inputs,
// response excerpts). Two passes: the known secret values in every encoding they travel in,
// then shapes that look like credentials whoever they belong to. Over-redaction is accepted.

export const REDACTED = "[redacted]";

// Shorter values would shred ordinary words and are not credentials anyway.
const MIN_SECRET_LENGTH = 4;

const KEYWORDS = String.raw`[\w-]*(?:api[_-]?key|apikey|key|token|secret|password|passwd|pwd|signature|sig|auth|credential|session)s?`;

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // Authorization schemes: "Bearer abc.def", "Basic dXNlcjpwYXNz".
  [/\b(Bearer|Basic)(\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1$2${REDACTED}`],
  // JSON members: "password":"…", "api_key": "…", "client_secret":"…".
  [new RegExp(String.raw`("${KEYWORDS}"\s*:\s*)"(?:[^"\\]|\\.)*"`, "gi"), `$1"${REDACTED}"`],
  // Query and form parameters: api_key=…, access_token=…, token=….
  [new RegExp(String.raw`\b(${KEYWORDS}=)[^&\s"'<>,;]+`, "gi"), `$1${REDACTED}`],
  // Header lines that carry credentials whatever their scheme.
  [/\b((?:x-)?(?:api-key|auth-token|access-token)|cookie|set-cookie|authorization|proxy-authorization)(\s*:\s*)[^\r\n]+/gi, `$1$2${REDACTED}`],
  // Vendor token shapes.
  [/\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}/g, REDACTED],
  [/\bwhsec_[A-Za-z0-9+/=]{8,}/g, REDACTED],
  [/\bxox[abposre]-[A-Za-z0-9-]{8,}/g, REDACTED],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/g, REDACTED],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}/g, REDACTED],
  [/\bglpat-[A-Za-z0-9_-]{20,}/g, REDACTED],
  [/\bsk-[A-Za-z0-9_-]{20,}/g, REDACTED],
  [/\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}/g, REDACTED],
  [/\bAKIA[0-9A-Z]{16}\b/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{35}/g, REDACTED],
  [/\bSG\.[\w-]{16,}\.[\w-]{16,}/g, REDACTED],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED],
];

/** Replaces every secret value, its encodings, and credential-shaped text with `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const values = [...new Set(secrets.flatMap(variants))]
    .filter((v) => v.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (values.length > 0) {
    out = out.replace(new RegExp(values.map(escapeRegExp).join("|"), "g"), REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** The forms a secret travels in: raw, URL-encoded, form-encoded, base64 (Basic auth). */
function variants(secret: string): string[] {
  if (!secret) return [];
  const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2)];
  const b64 = Buffer.from(secret, "utf8").toString("base64");
  forms.push(b64, b64.replace(/=+$/, ""), Buffer.from(secret, "utf8").toString("base64url"));

  const scheme = /^(Bearer|Basic)\s+(.+)$/i.exec(secret.trim());
  if (scheme) {
    forms.push(scheme[2]);
    if (scheme[1].toLowerCase() === "basic") {
      // "Basic base64(user:pass)": the password alone may show up decoded elsewhere.
      const decoded = Buffer.from(scheme[2], "base64").toString("utf8");
      const password = decoded.slice(decoded.indexOf(":") + 1);
      forms.push(decoded, password, encodeURIComponent(password));
    }
  }
  return forms;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
