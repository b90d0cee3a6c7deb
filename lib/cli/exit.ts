/** Exit codes, as documented in the README. */
export const EXIT = {
  /** Nothing at or above the threshold. */
  OK: 0,
  /** The gate failed: findings at or above the threshold (or UNKNOWN with --fail-on-unknown, or new against a baseline). */
  GATE: 1,
  /** Bad usage or unreadable input (a wrong flag, a missing or malformed file, no credentials). */
  USAGE: 2,
  /** `audit --security-hub`: some findings could not be imported (the reports were written; the gate's line says if it failed too). */
  DELIVERY: 3,
} as const;
