/**
 * Backup and restore of the embedded database. PGlite is one process per data
 * directory and does not refuse a second opener, so the backup checks the lock
 * file itself: a running Kefu keeps `postmaster.pid` in its data directory, and
 * copying pages under a live server would give an inconsistent dump.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export class BackupError extends Error {}

const LOCK_FILE = 'postmaster.pid';

export function isPgliteDataDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'PG_VERSION'));
}

/** Dumps the data directory to a .tar.gz file; the server must be stopped (or `force` after a crash). */
export async function backupPglite(dataDir: string, outFile: string, options: { force?: boolean } = {}): Promise<{ bytes: number }> {
  if (!isPgliteDataDir(dataDir)) throw new BackupError(`${dataDir} is not a Kefu data directory (no PG_VERSION).`);
  if (fs.existsSync(path.join(dataDir, LOCK_FILE)) && !options.force) {
    throw new BackupError(
      `${dataDir} is in use (${LOCK_FILE} exists): stop the Kefu server first, the embedded database ` +
        'allows only one process. If the server is not running (it was killed), run again with --force.',
    );
  }
  if (fs.existsSync(outFile)) throw new BackupError(`${outFile} already exists; choose another file name.`);
  const pg = await PGlite.create({ dataDir });
  try {
    // A checkpoint first so the copied files hold every committed change.
    await pg.exec('checkpoint');
    const dump = await pg.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    // Write to a temporary name and rename, so a failed backup never looks complete.
    fs.writeFileSync(`${outFile}.partial`, bytes);
    fs.renameSync(`${outFile}.partial`, outFile);
    return { bytes: bytes.length };
  } finally {
    await pg.close();
  }
}

/** Restores a dump into a new (missing or empty) data directory; returns the applied migration count as a check. */
export async function restorePglite(file: string, dataDir: string): Promise<{ migrations: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new BackupError(`${dataDir} is not empty; restore only into a new or empty directory.`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const blob = new Blob([fs.readFileSync(file)]);
  const pg = await PGlite.create({ dataDir, loadDataDir: blob });
  try {
    const res = await pg.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    return { migrations: res.rows[0]?.n ?? 0 };
  } catch {
    throw new BackupError(`${file} restored, but it holds no Kefu schema (schema_migrations is missing).`);
  } finally {
    await pg.close();
  }
}
