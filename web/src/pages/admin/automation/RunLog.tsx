/** The execution log: every evaluation of a rule, newest first, filtered by rule. */
import { Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Rule, type RuleRun, useRuleRuns } from '../../../api/automation';
import { useT } from '../../../i18n';
import { OutcomeTag } from './DryRunBox';

export function RunLog({ rules }: { rules: Rule[] }) {
  const t = useT();
  const [ruleId, setRuleId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const runs = useRuleRuns({ ruleId, page, pageSize });
  return (
    <>
      <Select
        allowClear
        style={{ width: 280, marginBottom: 12 }}
        placeholder={t('automation.logAllRules')}
        value={ruleId}
        onChange={(v?: string) => {
          setRuleId(v);
          setPage(1);
        }}
        options={rules.map((r) => ({ value: r.id, label: r.name }))}
        data-testid="rule-log-filter"
      />
      <Table<RuleRun>
        rowKey="id"
        size="small"
        loading={runs.isFetching}
        dataSource={runs.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize, total: runs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="rule-log"
        columns={[
          { title: t('automation.logAt'), key: 'at', width: 170, render: (_, r) => new Date(r.at).toLocaleString() },
          { title: t('automation.logRule'), dataIndex: 'ruleName' },
          { title: t('automation.logOrder'), key: 'order', render: (_, r) => <Link to={`/work-orders/${r.workOrder.id}`}>{r.workOrder.number}</Link> },
          { title: t('automation.logEvent'), key: 'trigger', render: (_, r) => t(`automation.trigger.${r.trigger}`) },
          {
            title: t('automation.logMatched'),
            key: 'matched',
            render: (_, r) => <Tag color={r.matched ? 'green' : 'default'}>{t(r.matched ? 'automation.yes' : 'automation.no')}</Tag>,
          },
          {
            title: t('automation.logActions'),
            key: 'actions',
            // biome-ignore lint/suspicious/noArrayIndexKey: the outcomes are a fixed list, in the rule's action order
            render: (_, r) => r.actions.map((a, i) => <OutcomeTag key={i} outcome={a} past />),
          },
        ]}
      />
    </>
  );
}
