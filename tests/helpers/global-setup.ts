/**
 * Vitest global setup: the web application built when stale, a run id for PostgreSQL test schemas,
 * and a temporary folder of the run's own.
 * Every temporary file of the run (the tests', the CLI's, LibreOffice's) is made under that folder,
 * because the workers inherit TMPDIR from here; the teardown removes it and the run's schemas, so a
 * run leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropTestSchemas, newRunId } from './pg-schemas.js';
import { ensureWebBuild } from '../../src/server/web-build.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The pages' tests (and the server's page routes) need the built web application: build it when stale.
  await ensureWebBuild(undefined, { quiet: true });
  const runId = newRunId();
  project.provide('pgRunId', runId);
  const runTmp = mkdtempSync(join(tmpdir(), `xeploai-test-${runId}-`));
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = runTmp;
  const url = process.env.DATABASE_URL;
  if (url) await dropTestSchemas(url, { staleBefore: Date.now() - 3 * 60 * 60_000 });
  return async () => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    rmSync(runTmp, { recursive: true, force: true });
    if (url) await dropTestSchemas(url, { runId });
  };
}
