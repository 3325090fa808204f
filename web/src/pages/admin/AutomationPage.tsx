/** 系统管理 › 自动化规则: rules in run order (moved up and down, switched on and off), the editor, and the execution log. */
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { type Rule, useDeleteRule, useReorderRules, useRules, useUpdateRule } from '../../api/automation';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { RuleModal } from './automation/RuleModal';
import { RunLog } from './automation/RunLog';

export default function AutomationPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const rules = useRules();
  const reorder = useReorderRules();
  const update = useUpdateRule();
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const items = rules.data ?? [];
  const saved = { onSuccess: () => message.success(t('common.saved')), onError: (e: unknown) => showError(e) };

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate(ids, saved);
  };

  const table = (
    <Table<Rule>
      rowKey="id"
      size="middle"
      loading={rules.isFetching || reorder.isPending}
      pagination={false}
      scroll={{ x: 800 }}
      dataSource={items}
      locale={{ emptyText: t('automation.empty') }}
      data-testid="rules"
      columns={[
        {
          title: t('automation.order'),
          key: 'order',
          width: 110,
          render: (_, r, index) => (
            <Space size={0}>
              <Typography.Text style={{ width: 24, display: 'inline-block' }}>{index + 1}</Typography.Text>
              <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('automation.moveUp')} disabled={index === 0} onClick={() => move(index, -1)} data-testid={`rule-up-${r.name}`} />
              <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('automation.moveDown')} disabled={index === items.length - 1} onClick={() => move(index, 1)} data-testid={`rule-down-${r.name}`} />
            </Space>
          ),
        },
        { title: t('automation.name'), dataIndex: 'name' },
        {
          title: t('automation.summary'),
          key: 'summary',
          render: (_, r) =>
            `${t('automation.when')} ${t(`automation.trigger.${r.trigger}`)} · ${r.conditions.map((c) => t(`automation.field.${c.field}`)).join(', ') || '—'} · ${r.actions.map((a) => t(`automation.action.${a.type}`)).join(', ')}`,
        },
        {
          title: t('automation.active'),
          key: 'active',
          render: (_, r) => (
            <Switch size="small" checked={r.active} onChange={(active) => update.mutate({ id: r.id, active }, saved)} data-testid={`rule-toggle-${r.name}`} />
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          fixed: 'right',
          render: (_, r) => (
            <Space>
              <Button type="link" size="small" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.name}`}>
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('automation.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutate(r.id, saved)}>
                <Button type="link" size="small" danger>
                  {t('automation.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('automation.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-create">
          {t('automation.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('automation.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'rules', label: t('automation.rules'), children: table },
          { key: 'log', label: t('automation.log'), children: <RunLog rules={items} /> },
        ]}
      />
      {editing && <RuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
