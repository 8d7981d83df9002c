/**
 * @module cli/duration
 * Parses lifetimes such as `30d`, `12h`, `15m`, `90s` or `3600` (seconds).
 */
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

export function parseDuration(text: string): number {
  const match = /^(\d{1,9})([smhdw]?)$/.exec(text.trim());
  if (match === null) throw new Error(`invalid duration "${text}" (examples: 3600, 90s, 15m, 12h, 30d)`);
  return Number(match[1]) * UNIT_SECONDS[match[2] === '' ? 's' : match[2]!]!;
}
