/**
 * Starts Kefu: validates configuration, opens the database (PGlite in
 * KEFU_DATA_DIR, or PostgreSQL from DATABASE_URL), applies migrations, creates the
 * first administrator, starts the job queue (handling jobs unless KEFU_ROLE=web),
 * and serves the API and web UI (unless KEFU_ROLE=worker).
 */
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { startJobQueue } from './jobs/queue.ts';
import { ALL_JOBS } from './jobs/registry.ts';
import { buildApp } from './server/app.ts';
import { ensureAdmin } from './server/firstStart.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  const applied = await migrate(database);
  const admin = await ensureAdmin(database, config.adminPassword);
  const jobs = await startJobQueue(database, ALL_JOBS, { work: config.role !== 'web' });
  const app = await buildApp(config, database, jobs);
  const shutdown = async () => {
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (config.role === 'worker') {
    console.log(`Kefu 客服 worker is running (jobs only; database: ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);
    return;
  }
  await app.listen({ port: config.port, host: config.host });

  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [
    '',
    `Kefu 客服 is running at ${url}`,
    `  database: ${where}${applied.length ? ` (applied ${applied.length} migrations)` : ''}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (admin.created) {
    lines.push(
      `  first start: log in as "admin" with password ${admin.generated ? `${admin.password}  (generated; shown only this once)` : 'from KEFU_ADMIN_PASSWORD'}`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Kefu failed to start:', error);
  process.exit(1);
});
