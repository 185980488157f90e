/**
 * The web application's build (web/, React + Vite) as the server sees it: where the built files
 * are, whether they are older than their sources, and the build itself. `npm start` builds when the
 * build is missing or stale; the test run's global setup does the same; `npm run build` always does.
 * "Stale" is decided by a hash of the sources (not file times, which a checkout changes): web/'s
 * sources and configuration, the pure src/domain modules the pages import, and package.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root (this file is src/server/web-build.ts, or dist/server/web-build.js). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** Where `vite build` writes the web application. */
export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');

const HASH_FILE = '.build-hash';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The sources the build depends on, sorted: web/ but its output, src/domain (pure, imported by pages), package.json. */
function sourceFiles(root: string): string[] {
  const web = join(root, 'web');
  const own = filesUnder(web).filter((f) => !f.startsWith(join(web, 'dist')) && !f.includes(`${join('web', 'node_modules')}`));
  return [...own, ...filesUnder(join(root, 'src', 'domain')), join(root, 'package.json')].sort();
}

/** A hash of every source file's path and content. */
export function webSourceHash(root: string = REPO_ROOT): string {
  const h = createHash('sha256');
  for (const file of sourceFiles(root)) {
    h.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return h.digest('hex');
}

/** `fresh`: built from these sources; `stale`: built from others; `missing`: not built; `no-sources`: a deployment without web/. */
export function webBuildState(root: string = REPO_ROOT): 'fresh' | 'stale' | 'missing' | 'no-sources' {
  const dist = join(root, 'web', 'dist');
  const hasSources = existsSync(join(root, 'web', 'index.html'));
  if (!existsSync(join(dist, 'index.html'))) return hasSources ? 'missing' : 'no-sources';
  if (!hasSources) return 'fresh';
  const stamp = join(dist, HASH_FILE);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === webSourceHash(root) ? 'fresh' : 'stale';
}

/**
 * Builds the web application with Vite (a development dependency) and stamps the build with its
 * sources' hash. Always a production build: the test runner's NODE_ENV=test would otherwise give
 * React's development bundle (larger and slower).
 */
export async function buildWeb(root: string = REPO_ROOT, options: { quiet?: boolean } = {}): Promise<void> {
  const hash = webSourceHash(root);
  const { build } = await import('vite');
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'web', 'vite.config.ts'), mode: 'production', logLevel: options.quiet ? 'warn' : 'info' });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  writeFileSync(join(root, 'web', 'dist', HASH_FILE), `${hash}\n`);
}

/** Builds when missing or stale; returns what it found. */
export async function ensureWebBuild(root: string = REPO_ROOT, options: { quiet?: boolean; onBuild?: () => void } = {}) {
  const state = webBuildState(root);
  if (state === 'missing' || state === 'stale') {
    options.onBuild?.();
    await buildWeb(root, options);
  }
  return state;
}
