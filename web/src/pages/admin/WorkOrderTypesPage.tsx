/** 系统管理 › 工单类型与流程: the kinds of work order and the workflow each follows. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSaveWorkOrderType } from '../../api/config';
import { useWorkOrderTypes, type WorkOrderType } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { StatusTag } from '../../components/WorkOrderTags';
import { useT } from '../../i18n';
import { WorkOrderTypeModal } from './WorkOrderTypeModal';

export default function WorkOrderTypesPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<WorkOrderType | 'new' | null>(null);
  const types = useWorkOrderTypes(showArchived);
  const save = useSaveWorkOrderType();

  const setArchived = (type: WorkOrderType) =>
    save.mutate(
      { isNew: false, key: type.key, archived: !type.archived },
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) },
    );

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.admin.workOrderTypes')}
        </Typography.Title>
        <Space wrap>
          <Switch size="small" checked={showArchived} onChange={setShowArchived} />
          {t('config.showArchived')}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="type-create">
            {t('workOrderType.create')}
          </Button>
        </Space>
      </Flex>
      <Table<WorkOrderType>
        rowKey="key"
        size="middle"
        loading={types.isFetching}
        pagination={false}
        scroll={{ x: 800 }}
        dataSource={types.data}
        columns={[
          { title: t('config.key'), dataIndex: 'key' },
          { title: t('config.name'), dataIndex: 'label' },
          { title: t('workOrderType.defaultTeam'), key: 'team', render: (_, type) => type.defaultTeam?.label },
          {
            title: t('workOrderType.statuses'),
            key: 'statuses',
            render: (_, type) => (
              <Space size={[0, 4]} wrap>
                {type.workflow.statuses.map((status) => (
                  <StatusTag key={status.key} name={status.label} category={status.category} />
                ))}
              </Space>
            ),
          },
          {
            title: t('config.status'),
            dataIndex: 'archived',
            render: (archived: boolean) => (archived ? <Tag>{t('config.archived')}</Tag> : <Tag color="green">{t('config.active')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, type) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(type)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" danger={!type.archived} onClick={() => setArchived(type)}>
                  {t(type.archived ? 'config.restore' : 'config.archive')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? <WorkOrderTypeModal type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
