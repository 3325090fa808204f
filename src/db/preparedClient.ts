/**
 * A pg client that prepares the writes the application repeats.
 *
 * Without a name, pg sends every query unnamed: the server parses, analyses and
 * plans it again each time. For Kefu's larger writes (the work order create and
 * its number draw, job inserts) that repeated work cost more server CPU than
 * executing them. Here a write seen a second time is sent under a name derived
 * from its text, so each pooled connection parses it once and keeps its plan.
 *
 * Reads are left unnamed on purpose: a prepared read soon runs on a generic plan,
 * made without the parameters' values, and queue lists that depend on them (which
 * team, which statuses) became several times slower at the 95th percentile.
 *
 * Bounded on both sides: texts are counted in a capped table, and a connection
 * stops naming new statements once it holds MAX_PER_CONNECTION of them (queries
 * with variable IN lists produce many texts). Transaction control and scripts go
 * through as they are. Turned off with KEFU_PG_PREPARE=off, for a pooler in
 * transaction mode that cannot keep prepared statements per connection.
 */
import crypto from 'node:crypto';
import pg from 'pg';

const MAX_PER_CONNECTION = 2000;
const MAX_TRACKED_TEXTS = 20_000;
/** Statements that gain nothing from a name, or must not be prepared (scripts, LISTEN). */
const PASS_THROUGH = /^\s*(begin|commit|rollback|savepoint|release|set|listen|unlisten|notify|start|end|prepare|deallocate|discard)\b/i;

/** Data-modifying statements (also as a CTE of a larger one); their plans do not hinge on values. */
const WRITE = /\b(insert\s+into|update\s+"?\w+"?(\s+\w+)?\s+set|delete\s+from)\b/i;

/** Per statement text: runs seen so far (writes only) and its name once it has one; null for texts never named. */
const seen = new Map<string, { runs: number; name: string } | null>();

/** The statement's name when it should run prepared; checked and hashed once per text. */
function nameFor(text: string): string | null {
  let entry = seen.get(text);
  if (entry === undefined) {
    if (seen.size >= MAX_TRACKED_TEXTS) seen.clear();
    entry = PASS_THROUGH.test(text) || !WRITE.test(text) ? null : { runs: 0, name: `k_${crypto.createHash('sha1').update(text).digest('base64url')}` };
    seen.set(text, entry);
  }
  if (!entry) return null;
  entry.runs++;
  return entry.runs >= 2 ? entry.name : null;
}

export class PreparingClient extends pg.Client {
  private named = 0;

  // pg's query has many overloads; only (text, values[]) calls are rewritten.
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const name = typeof config === 'string' && Array.isArray(values) && this.named < MAX_PER_CONNECTION ? nameFor(config) : null;
    if (name) {
      const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
      if (parsed[name] === undefined) this.named++;
      return (super.query as (...args: unknown[]) => never)({ name, text: config as string, values }, callback);
    }
    return (super.query as (...args: unknown[]) => never)(config, values, callback);
  }
}

export function preparingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.KEFU_PG_PREPARE !== 'off';
}
