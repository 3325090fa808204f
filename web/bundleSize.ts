/**
 * How much JavaScript a browser downloads on the first visit: the entry chunk
 * and everything it imports statically (per the Vite manifest), gzip-compressed.
 * Lazily loaded route chunks are not counted. Used by `npm run bench`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WEB_DIST_DIR = fileURLToPath(new URL('./dist', import.meta.url));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface FirstLoadSize {
  /** gzip bytes of the first-load JS, summed over files */
  gzipBytes: number;
  /** uncompressed bytes of the same files */
  rawBytes: number;
  files: string[];
}

export function firstLoadJsSize(distDir: string = WEB_DIST_DIR): FirstLoadSize {
  const manifestPath = path.join(distDir, '.vite/manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`no Vite manifest at ${manifestPath}: build the UI first (npm run build:web)`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

  const files = [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = fs.readFileSync(path.join(distDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { gzipBytes, rawBytes, files };
}

/** gzip size in bytes of the JS loaded on first load. */
export function firstLoadJsGzipBytes(distDir?: string): number {
  return firstLoadJsSize(distDir).gzipBytes;
}
