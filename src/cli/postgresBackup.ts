/** Backup of a PostgreSQL server database with pg_dump's custom format (restore with pg_restore). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './pgliteBackup.ts';

export function pgDumpAvailable(): boolean {
  return spawnSync('pg_dump', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function backupPostgres(url: string, outFile: string): { bytes: number } {
  if (!pgDumpAvailable()) {
    throw new BackupError(
      'pg_dump was not found. Install the PostgreSQL client tools (e.g. apt-get install postgresql-client, ' +
        'same major version as the server or newer) or back up with your database provider.',
    );
  }
  if (fs.existsSync(outFile)) throw new BackupError(`${outFile} already exists; choose another file name.`);
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  // The URL goes through the environment-free --dbname argument; pg_dump reads the password from it or ~/.pgpass.
  const run = spawnSync('pg_dump', ['-Fc', '--no-owner', '-f', `${outFile}.partial`, '--dbname', url], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    fs.rmSync(`${outFile}.partial`, { force: true });
    throw new BackupError(`pg_dump failed (exit ${run.status}).`);
  }
  fs.renameSync(`${outFile}.partial`, outFile);
  return { bytes: fs.statSync(outFile).size };
}
