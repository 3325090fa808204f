/** Who changed what on this customer and its contacts, assets and contracts: field, before, after. */
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api/client';
import type { Page } from '../../api/types';
import { SimpleList } from '../../components/SimpleList';
import { type MessageKey, useT } from '../../i18n';

interface AuditEntry {
  id: number;
  occurredAt: string;
  type: string;
  actor: { id: string; displayName: string } | null;
  data: { entity?: string; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
}

const ENTITIES = new Set(['customer', 'contact', 'asset', 'contract']);
const VERBS = new Set(['created', 'updated', 'archived', 'restored']);

const show = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

export function AuditTab({ customerId }: { customerId: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const audit = useQuery({
    queryKey: ['customers', 'audit', customerId, page],
    queryFn: () => get<Page<AuditEntry>>(`/customers/${customerId}/audit`, { page, pageSize: 20 }),
  });

  const describe = (entry: AuditEntry) => {
    const [entity = '', verb = ''] = entry.type.split('.');
    if (!ENTITIES.has(entity) || !VERBS.has(verb)) return entry.type;
    return t(`audit.verb.${verb}` as MessageKey, { entity: t(`audit.entity.${entity}` as MessageKey) });
  };
  // Only edits list their fields; a creation's full snapshot would drown the history.
  const changes = (entry: AuditEntry) =>
    entry.type.endsWith('.updated') && entry.data.after
      ? Object.entries(entry.data.after).map(([field, after]) => `${field}: ${show(entry.data.before?.[field])} → ${show(after)}`)
      : [];

  return (
    <SimpleList<AuditEntry>
      loading={audit.isFetching}
      items={audit.data?.items}
      rowKey={(entry) => entry.id}
      pagination={{ current: page, pageSize: 20, total: audit.data?.total ?? 0, onChange: setPage }}
      renderItem={(entry) => (
        <>
          <div>
            <Typography.Text strong>{entry.actor?.displayName ?? t('event.system')}</Typography.Text> {describe(entry)}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {new Date(entry.occurredAt).toLocaleString()}
            </Typography.Text>
            {changes(entry).map((line) => (
              <Typography.Paragraph key={line} type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {line}
              </Typography.Paragraph>
            ))}
          </div>
        </>
      )}
    />
  );
}
