/** Vitest global setup: a run id for PostgreSQL test schemas, and their removal at the end. */
import type { TestProject } from 'vitest/node';
import { dropTestSchemas, newRunId } from './pg-schemas.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = newRunId();
  project.provide('pgRunId', runId);
  const url = process.env.DATABASE_URL;
  if (url) await dropTestSchemas(url, { staleBefore: Date.now() - 3 * 60 * 60_000 });
  return async () => {
    if (url) await dropTestSchemas(url, { runId });
  };
}
