/** 系统管理 › 自定义字段: extra fields on customers and work orders (text, number, date, choice). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CUSTOM_FIELD_ENTITIES, type CustomField, type CustomFieldEntity, useCustomFields, useSaveCustomField } from '../../api/config';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { CustomFieldModal } from './CustomFieldModal';

export default function CustomFieldsPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [entity, setEntity] = useState<CustomFieldEntity>('customer');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const fields = useCustomFields(showArchived);
  const save = useSaveCustomField();

  const setArchived = (field: CustomField) =>
    save.mutate(
      { id: field.id, archived: !field.archived },
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) },
    );

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.admin.customFields')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="field-create">
          {t('customField.create')}
        </Button>
      </Flex>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Segmented<CustomFieldEntity>
          value={entity}
          onChange={setEntity}
          options={CUSTOM_FIELD_ENTITIES.map((e) => ({ value: e, label: t(`customField.entity.${e}`) }))}
        />
        <Space>
          <Switch size="small" checked={showArchived} onChange={setShowArchived} />
          {t('config.showArchived')}
        </Space>
      </Flex>
      <Table<CustomField>
        rowKey="id"
        size="middle"
        loading={fields.isFetching}
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={(fields.data ?? []).filter((field) => field.entity === entity)}
        columns={[
          { title: t('config.key'), dataIndex: 'key' },
          { title: t('customField.label'), dataIndex: 'label' },
          { title: t('customField.labelEn'), dataIndex: 'labelEn' },
          { title: t('customField.kind'), dataIndex: 'kind', render: (kind: CustomField['kind']) => t(`customField.kind.${kind}`) },
          {
            title: t('customField.options'),
            dataIndex: 'options',
            render: (options: CustomField['options']) => options.map((option) => <Tag key={option.key}>{option.label}</Tag>),
          },
          {
            title: t('config.status'),
            dataIndex: 'archived',
            render: (archived: boolean) => (archived ? <Tag>{t('config.archived')}</Tag> : <Tag color="green">{t('config.active')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, field) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(field)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" danger={!field.archived} onClick={() => setArchived(field)}>
                  {t(field.archived ? 'config.restore' : 'config.archive')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? <CustomFieldModal field={editing === 'new' ? null : editing} entity={entity} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
