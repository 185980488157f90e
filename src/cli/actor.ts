/** Who runs a command, for the audit log: `cli:` and the operating-system user (XEPLOAI_ACTOR overrides it, e.g. in scripts). */
import { userInfo } from 'node:os';
import type { CliContext } from './command.js';

export function cliActor(ctx: CliContext): string {
  const named = ctx.env.XEPLOAI_ACTOR?.trim();
  if (named) return named;
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}
