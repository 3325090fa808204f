/**
 * npm run backup [-- out-file] [--force]
 * npm run backup -- --restore <file>
 *
 * Backs up the database Kefu is configured for: the embedded PGlite data
 * directory (KEFU_DATA_DIR; stop the server first) to backups/kefu-<time>.tar.gz,
 * or a PostgreSQL database (DATABASE_URL) with pg_dump to backups/kefu-<time>.dump.
 * --restore loads a PGlite backup into KEFU_DATA_DIR, which must be new or empty.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { BackupError, backupPglite, restorePglite } from './pgliteBackup.ts';
import { backupPostgres } from './postgresBackup.ts';

function stamp(date = new Date()): string {
  return date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

function parse(argv: string[]): { out?: string; restore?: string; force: boolean } {
  const out: { out?: string; restore?: string; force: boolean } = { force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--force') out.force = true;
    else if (a === '--restore') {
      out.restore = argv[++i];
      if (!out.restore) throw new BackupError('--restore needs the backup file to restore.');
    } else if (a.startsWith('--')) throw new BackupError(`unknown option ${a}`);
    else out.out = a;
  }
  return out;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const config = loadConfig();
  if (args.restore) {
    if (config.databaseUrl) {
      throw new BackupError('--restore is for the embedded database; for PostgreSQL use: pg_restore --no-owner -d <database> <file>');
    }
    const { migrations } = await restorePglite(args.restore, config.dataDir);
    console.log(`Restored ${args.restore} into ${config.dataDir} (${migrations} migrations). Start Kefu with KEFU_DATA_DIR=${config.dataDir}.`);
    return;
  }
  if (config.databaseUrl) {
    const file = args.out ?? `backups/kefu-${stamp()}.dump`;
    const { bytes } = backupPostgres(config.databaseUrl, file);
    console.log(`PostgreSQL backup written to ${file} (${mb(bytes)}). Restore with: pg_restore --no-owner -d <new database> ${file}`);
    return;
  }
  const file = args.out ?? `backups/kefu-${stamp()}.tar.gz`;
  console.log(`Backing up the embedded database in ${config.dataDir} (the Kefu server must be stopped).`);
  const { bytes } = await backupPglite(config.dataDir, file, { force: args.force });
  console.log(`Backup written to ${file} (${mb(bytes)}). Restore with: KEFU_DATA_DIR=<new dir> npm run backup -- --restore ${file}`);
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof ConfigError) console.error(error.message);
  else console.error('Backup failed:', error);
  process.exit(1);
});
