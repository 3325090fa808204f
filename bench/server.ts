/**
 * The server under test, run as its own process (as in production) so the load
 * driver does not share its event loop. Opens the database named by the
 * environment, listens on a free loopback port and prints {"port": N} when ready.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { startJobQueue } from '../src/jobs/queue.ts';
import { ALL_JOBS } from '../src/jobs/registry.ts';
import { buildApp } from '../src/server/app.ts';

const url = process.env.KEFU_BENCH_SERVER_DB_URL;
const dataDir = process.env.KEFU_BENCH_SERVER_DATA_DIR;
const database = await openDatabase(url ? { url } : { dataDir });
await migrate(database);
const config = loadConfig({
  KEFU_LOG_LEVEL: 'silent',
  KEFU_ATTACHMENTS_DIR: process.env.KEFU_BENCH_SERVER_ATTACHMENTS ?? '',
  ...(dataDir ? { KEFU_DATA_DIR: dataDir } : {}),
});
// As in production (npm start): the same process also works the job queue.
const jobs = await startJobQueue(database, ALL_JOBS, { work: true });
const app = await buildApp(config, database, jobs);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);

process.once('SIGTERM', async () => {
  await app.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
});
