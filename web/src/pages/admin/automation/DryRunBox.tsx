/** "Test this rule against work order X": which conditions hold and what each action would do; nothing is written. */
import { Alert, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Action, type ActionOutcome, type Condition, useDryRun } from '../../../api/automation';
import { useApiError } from '../../../components/useApiError';
import { type MessageKey, useT } from '../../../i18n';

const COLORS = { done: 'green', skipped: 'default', failed: 'red' } as const;

export function OutcomeTag({ outcome, past = false }: { outcome: ActionOutcome; past?: boolean }) {
  const t = useT();
  const reasonKey = `automation.reason.${outcome.reason}` as MessageKey;
  const reason = outcome.reason ? (t(reasonKey) === reasonKey ? outcome.reason : t(reasonKey)) : '';
  const label = past && outcome.status === 'done' ? t('automation.logDone.done') : t(`automation.outcome.${outcome.status}`);
  return (
    <Tag color={COLORS[outcome.status]}>
      {t(`automation.action.${outcome.type}`)} · {label}
      {reason ? ` (${reason})` : ''}
    </Tag>
  );
}

export function DryRunBox({ name, conditions, actions }: { name: string; conditions: Condition[]; actions: Action[] }) {
  const t = useT();
  const showError = useApiError();
  const dryRun = useDryRun();
  const [number, setNumber] = useState('');
  const result = dryRun.data;
  return (
    <Card size="small" title={t('automation.dryRun')}>
      <Typography.Paragraph type="secondary">{t('automation.dryRunHint')}</Typography.Paragraph>
      <Flex gap={8}>
        <Input value={number} onChange={(e) => setNumber(e.target.value)} placeholder={t('automation.dryRunNumber')} style={{ maxWidth: 240 }} data-testid="rule-dry-run-number" />
        <Button
          onClick={() => dryRun.mutate({ number: number.trim(), name, conditions, actions }, { onError: (e) => showError(e) })}
          loading={dryRun.isPending}
          disabled={!number.trim() || !actions.length}
          data-testid="rule-dry-run"
        >
          {t('automation.dryRunRun')}
        </Button>
      </Flex>
      {result && (
        <div data-testid="rule-dry-run-result" style={{ marginTop: 12 }}>
          <Alert type={result.matched ? 'success' : 'info'} showIcon title={`${result.number}: ${t(result.matched ? 'automation.dryRunMatched' : 'automation.dryRunNotMatched')}`} />
          <Flex gap={8} wrap style={{ margin: '8px 0' }}>
            {result.conditions.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one entry per condition row, in order
              <span key={i}>
                {t('automation.condition', { index: i + 1 })}: <Tag color={c.matched ? 'green' : 'orange'}>{t(c.matched ? 'automation.yes' : 'automation.no')}</Tag>
              </span>
            ))}
          </Flex>
          <Flex gap={4} wrap>
            {result.actions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the outcomes are a fixed list, in the rule's action order
              <OutcomeTag key={i} outcome={a} />
            ))}
          </Flex>
        </div>
      )}
    </Card>
  );
}
