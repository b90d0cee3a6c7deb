/**
 * Midnight UTC of an ISO calendar date (`2027-03-01`), or undefined for anything else: `2027-02-30`
 * (which `new Date` rolls over to 2 March), `03/01/2027`, `1` (which it reads as the year 2001).
 */
export function isoDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().startsWith(text) ? t : undefined;
}
