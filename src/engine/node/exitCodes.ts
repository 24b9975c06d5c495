/** The CLI's exit codes (docs/cli.md). */
export const EXIT = {
  ok: 0,
  usage: 1,
  data: 2,
  violations: 3,
  internal: 4,
  cancelled: 130
} as const;
