/** Runs the CLI in process with captured output and an environment for the engine under test. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { testSchemaName } from './pg-schemas.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliEnv {
  env: NodeJS.ProcessEnv;
  /** Runs the CLI; `stdin` is what the command reads from standard input. */
  run(args: string[], stdin?: string): Promise<CliRun>;
  /** Kept for the callers; schemas are dropped at the end of the run. */
  cleanup(): Promise<void>;
}

/** A fresh database for CLI runs: a temporary SQLite file, or a new PostgreSQL schema. */
export function cliEnv(): CliEnv {
  const schema = testSchemaName();
  const env: NodeJS.ProcessEnv = process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL, XEPLOAI_PG_SCHEMA: schema }
    : { XEPLOAI_DB: join(mkdtempSync(join(tmpdir(), 'xeploai-')), 'test.sqlite') };
  return {
    env,
    async run(args, stdin) {
      let out = '';
      let err = '';
      const io = { out: (t: string) => (out += `${t}\n`), err: (t: string) => (err += `${t}\n`), ...(stdin !== undefined ? { readStdin: async () => stdin } : {}) };
      const code = await runCli(args, io, env);
      return { code, out, err };
    },
    async cleanup() {
      // The PostgreSQL schema is dropped with the run's others at the end (tests/helpers/pg-schemas.ts).
    },
  };
}
