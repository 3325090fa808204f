/**
 * Keeps the configuration cache (lib/configCache.ts) honest: any event about a
 * 'config' or 'team' subject means configuration changed. The cache is dropped
 * at once (so this transaction and this instance read fresh values), again after
 * the commit (a request that loaded the old values meanwhile does not keep them),
 * and the other instances hear it through NOTIFY.
 */
import { CONFIG_CHANNEL } from '../../lib/configCache.ts';
import type { EventSubscriber } from './dispatch.ts';

export const configChangeSubscriber: EventSubscriber = {
  name: 'config.changed',
  types: '*',
  async handle(ctx, event) {
    if (event.subjectType !== 'config' && event.subjectType !== 'team') return;
    if (!ctx.configCache) return;
    const cache = ctx.configCache;
    cache.invalidate();
    ctx.afterCommit.push((database) => {
      cache.invalidate();
      database.query('select pg_notify($1, $2)', [CONFIG_CHANNEL, '']).catch(() => {});
    });
  },
};
