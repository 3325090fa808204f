/**
 * Builds the web UI when web/dist is missing or older than its sources, so
 * `npm start` (via prestart) and the browser tests always serve a current UI
 * without a second command. Run directly: `tsx web/ensureBuilt.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_INDEX = path.join(ROOT, 'web/dist/index.html');
const SOURCES = ['web/src', 'web/index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when web/dist has to be (re)built. */
export function webBuildIsStale(): boolean {
  const built = fs.statSync(DIST_INDEX, { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built.mtimeMs);
}

/** Builds web/dist with Vite if it is stale; returns whether it built. */
export async function ensureWebBuilt(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  const { build } = await import('vite');
  await build({ root: path.join(ROOT, 'web'), configFile: path.join(ROOT, 'vite.config.ts'), logLevel: options.quiet ? 'error' : 'info' });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureWebBuilt().then(
    (built) => {
      if (!built) console.log('web UI is up to date (web/dist)');
    },
    (error: unknown) => {
      console.error('building the web UI failed:', error);
      process.exit(1);
    },
  );
}
