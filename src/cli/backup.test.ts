/**
 * Backup → restore round trip of the embedded database, through the real files:
 * a migrated data directory with a few rows, backed up with the server
 * stopped, restored into a new directory, and read back. PostgreSQL backups are
 * pg_dump's job and are not repeated here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { testDbKind } from '../../test/testDatabase.ts';
import { BackupError, backupPglite, restorePglite } from './pgliteBackup.ts';

describe.skipIf(testDbKind() !== 'pglite')('npm run backup (embedded database)', () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-backup-'));
    dataDir = path.join(root, 'data');
    const database = await openDatabase({ dataDir });
    await migrate(database);
    await database.db
      .insertInto('teams')
      .values([
        { key: 'bk1', name: '备份测试一组' },
        { key: 'bk2', name: 'Backup team two' },
      ])
      .execute();
    await database.close();
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('backs up a stopped data directory and restores it into a new one with the same rows', async () => {
    const file = path.join(root, 'backups', 'kefu-test.tar.gz');
    const { bytes } = await backupPglite(dataDir, file);
    expect(bytes).toBeGreaterThan(0);
    expect(fs.statSync(file).size).toBe(bytes);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const restored = path.join(root, 'restored');
    const { migrations } = await restorePglite(file, restored);
    expect(migrations).toBeGreaterThan(0);

    const database = await openDatabase({ dataDir: restored });
    try {
      const teams = await database.db.selectFrom('teams').select(['key', 'name']).where('key', 'in', ['bk1', 'bk2']).orderBy('key').execute();
      expect(teams).toEqual([
        { key: 'bk1', name: '备份测试一组' },
        { key: 'bk2', name: 'Backup team two' },
      ]);
      // The restored copy is a working database: migrations see nothing left to apply.
      expect(await migrate(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('refuses while the data directory is open by a running server', async () => {
    const database = await openDatabase({ dataDir });
    try {
      await expect(backupPglite(dataDir, path.join(root, 'busy.tar.gz'))).rejects.toThrow(/stop the Kefu server/);
      expect(fs.existsSync(path.join(root, 'busy.tar.gz'))).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('refuses to restore into a directory that already holds data, leaving it untouched', async () => {
    const file = path.join(root, 'backups', 'kefu-again.tar.gz');
    await backupPglite(dataDir, file);
    const before = fs.readdirSync(dataDir).sort();
    await expect(restorePglite(file, dataDir)).rejects.toBeInstanceOf(BackupError);
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);
  });

  it('refuses a directory that is not a Kefu data directory', async () => {
    await expect(backupPglite(path.join(root, 'nothing-here'), path.join(root, 'x.tar.gz'))).rejects.toThrow(/not a Kefu data directory/);
  });
});
