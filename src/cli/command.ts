/** The shape of one CLI command: a name path, help text, and a run function returning an exit code. */
import type { Config } from '../config.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads standard input to its end (commands taking `--password-stdin`); absent = nothing to read. */
  readStdin?(): Promise<string>;
}

export interface CliContext {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  /** Loads the configuration (flags may override it). */
  config(overrides?: Parameters<typeof import('../config.js').loadConfig>[1]): Config;
}

export interface CliCommand {
  /** Words that select it, e.g. ['db', 'migrate']. */
  name: readonly string[];
  summary: string;
  /** Full help: usage line, options, examples (Vietnamese first). */
  help: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
