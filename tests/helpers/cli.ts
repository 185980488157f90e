/** Runs the CLI in process with captured output and an environment for the engine under test. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/create-db.js';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliEnv {
  env: NodeJS.ProcessEnv;
  /** Runs the CLI; `stdin` is what the command reads from standard input. */
  run(args: string[], stdin?: string): Promise<CliRun>;
  /** Drops the PostgreSQL schema the CLI used. */
  cleanup(): Promise<void>;
}

/** A fresh database for CLI runs: a temporary SQLite file, or a new PostgreSQL schema. */
export function cliEnv(): CliEnv {
  const schema = `t_${randomBytes(6).toString('hex')}`;
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
      if (!process.env.DATABASE_URL) return;
      const db = createDb(loadConfig({ DATABASE_URL: process.env.DATABASE_URL }));
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
      await db.destroy();
    },
  };
}
