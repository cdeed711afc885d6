// Keeping secrets out of everything that is written or shown: the request as stored and shown
// is built with the secret masked, and every string that leaves the submission (history, log,
// panel) passes through `redactText`/`redactDeep` as a second net.

export const MASK = '********';

/** The spellings a secret can take on the wire: raw, form-encoded, URL-encoded, JSON-escaped. */
export function secretForms(secret: string): string[] {
  if (secret === '') return [];
  const forms = new Set<string>([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ]);
  // Longest first, so that a longer spelling is not half-replaced by a shorter one.
  return [...forms].filter((f) => f !== '').sort((a, b) => b.length - a.length);
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) for (const form of secretForms(secret)) out = out.split(form).join(MASK);
  return out;
}

/** A deep copy with every string (and every key) redacted. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.every((s) => s === '')) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactText(k, secrets), walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** Whether any spelling of a secret occurs in the text (for assertions and a last check before writing). */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => secretForms(s).some((f) => text.includes(f)));
}
