/** 系统管理 › 客户分类与等级: classification dimensions with their options, and service tiers. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSaveCategoryOption, useSaveCategorySet, useSaveServiceTier } from '../../api/config';
import { type CategorySet, type ServiceTier, useCategorySets, useServiceTiers } from '../../api/customers';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { NamedItemModal, type NamedValues } from './NamedItemModal';

type Editing =
  | { kind: 'set'; item: NamedValues | null }
  | { kind: 'option'; setKey: string; item: NamedValues | null }
  | { kind: 'tier'; item: NamedValues | null };

function StatusTag({ archived }: { archived: boolean }) {
  const t = useT();
  return archived ? <Tag>{t('config.archived')}</Tag> : <Tag color="green">{t('config.active')}</Tag>;
}

export default function ClassificationPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const sets = useCategorySets(showArchived);
  const tiers = useServiceTiers(showArchived);
  const saveSet = useSaveCategorySet();
  const saveOption = useSaveCategoryOption();
  const saveTier = useSaveServiceTier();

  const toggle = (run: Promise<unknown>) =>
    run.then(
      () => message.success(t('common.saved')),
      (e) => showError(e),
    );
  const toggleButton = (archived: boolean, onClick: () => void) => (
    <Button type="link" size="small" danger={!archived} onClick={onClick}>
      {t(archived ? 'config.restore' : 'config.archive')}
    </Button>
  );

  const optionColumns = (set: CategorySet) => [
    { title: t('config.key'), dataIndex: 'key' },
    { title: t('config.name'), dataIndex: 'name' },
    { title: t('config.nameEn'), dataIndex: 'nameEn' },
    { title: t('config.status'), dataIndex: 'archived', render: (archived: boolean) => <StatusTag archived={archived} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, option: CategorySet['options'][number]) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ kind: 'option', setKey: set.key, item: option })}>
            {t('common.edit')}
          </Button>
          {toggleButton(option.archived, () =>
            toggle(saveOption.mutateAsync({ setKey: set.key, key: option.key, isNew: false, archived: !option.archived })),
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('classification.sets')}
        extra={
          <Space wrap>
            <Switch size="small" checked={showArchived} onChange={setShowArchived} />
            {t('config.showArchived')}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'set', item: null })} data-testid="set-create">
              {t('classification.addSet')}
            </Button>
          </Space>
        }
      >
        <Flex vertical gap={16}>
          {(sets.data ?? []).map((set) => (
            <Card
              key={set.key}
              type="inner"
              title={
                <Space>
                  {set.name}
                  <Typography.Text type="secondary">{set.key}</Typography.Text>
                  {set.archived ? <StatusTag archived /> : null}
                </Space>
              }
              extra={
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing({ kind: 'option', setKey: set.key, item: null })}>
                    {t('classification.addOption')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setEditing({ kind: 'set', item: set })}>
                    {t('common.edit')}
                  </Button>
                  {toggleButton(set.archived, () => toggle(saveSet.mutateAsync({ key: set.key, isNew: false, archived: !set.archived })))}
                </Space>
              }
            >
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={set.options}
                columns={optionColumns(set)}
                scroll={{ x: 560 }}
              />
            </Card>
          ))}
        </Flex>
      </Card>
      <Card
        title={t('tier.title')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'tier', item: null })}>
            {t('tier.add')}
          </Button>
        }
      >
        <Table<ServiceTier>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={tiers.data}
          scroll={{ x: 560 }}
          columns={[
            { title: t('config.key'), dataIndex: 'key' },
            { title: t('config.name'), dataIndex: 'name' },
            { title: t('config.nameEn'), dataIndex: 'nameEn' },
            { title: t('tier.rank'), dataIndex: 'rank' },
            { title: t('config.status'), dataIndex: 'archived', render: (archived: boolean) => <StatusTag archived={archived} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, tier) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ kind: 'tier', item: tier })}>
                    {t('common.edit')}
                  </Button>
                  {toggleButton(tier.archived, () =>
                    toggle(saveTier.mutateAsync({ key: tier.key, isNew: false, archived: !tier.archived })),
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing?.kind === 'set' ? (
        <NamedItemModal
          title={editing.item ? 'classification.editSet' : 'classification.addSet'}
          item={editing.item}
          save={(values, isNew) => saveSet.mutateAsync({ ...values, isNew })}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'option' ? (
        <NamedItemModal
          title={editing.item ? 'classification.editOption' : 'classification.addOption'}
          item={editing.item}
          save={(values, isNew) => saveOption.mutateAsync({ ...values, setKey: editing.setKey, isNew })}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'tier' ? (
        <NamedItemModal
          title={editing.item ? 'tier.edit' : 'tier.add'}
          item={editing.item}
          withRank
          save={(values, isNew) => saveTier.mutateAsync({ ...values, isNew })}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
