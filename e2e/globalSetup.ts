/** Builds the web UI once before the browser tests, if its sources changed since the last build. */
import { ensureWebBuilt } from '../web/ensureBuilt.ts';

export default async function setup(): Promise<void> {
  await ensureWebBuilt({ quiet: true });
}
