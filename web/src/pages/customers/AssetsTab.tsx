/** A customer's products, devices, sites and systems, with their warranty state. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ASSET_KINDS, type Asset, type AssetInput, type Customer, useSaveAsset } from '../../api/customers';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

const WARRANTY_COLORS = { in_warranty: 'green', expired: 'red', unknown: 'default' } as const;

export function AssetsTab({ customer }: { customer: Customer }) {
  const t = useT();
  const [editing, setEditing] = useState<Asset | 'new' | null>(null);
  return (
    <>
      {customer.abilities.edit ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          {t('asset.create')}
        </Button>
      ) : null}
      <Table<Asset>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 700 }}
        dataSource={customer.assets.filter((asset) => !asset.archived)}
        columns={[
          { title: t('asset.kind'), dataIndex: 'kind', render: (kind: Asset['kind']) => t(`asset.kind.${kind}`) },
          { title: t('asset.name'), dataIndex: 'name' },
          { title: t('asset.model'), dataIndex: 'model' },
          { title: t('asset.serial'), dataIndex: 'serial' },
          {
            title: t('asset.warranty'),
            dataIndex: 'warrantyStatus',
            render: (status: Asset['warrantyStatus'], asset) => (
              <Tag
                color={WARRANTY_COLORS[status]}
              >{`${t(`asset.warranty.${status}`)}${asset.warrantyEnd ? ` ${asset.warrantyEnd}` : ''}`}</Tag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, asset) =>
              customer.abilities.edit ? (
                <Button type="link" size="small" onClick={() => setEditing(asset)}>
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? <AssetModal customerId={customer.id} asset={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function AssetModal({ customerId, asset, onClose }: { customerId: string; asset: Asset | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<AssetInput>();
  const save = useSaveAsset();
  return (
    <Modal
      open
      title={t(asset ? 'asset.edit' : 'asset.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AssetInput>
        form={form}
        layout="vertical"
        initialValues={asset ?? { kind: 'device' }}
        onFinish={(values) =>
          save.mutate(
            { customerId, id: asset?.id, ...values, installDate: values.installDate || null, warrantyEnd: values.warrantyEnd || null },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('asset.kind')} rules={[{ required: true }]}>
          <Select options={ASSET_KINDS.map((kind) => ({ value: kind, label: t(`asset.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('asset.name')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="model" label={t('asset.model')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="serial" label={t('asset.serial')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="installDate" label={t('asset.installDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="warrantyEnd" label={t('asset.warrantyEnd')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="notes" label={t('customer.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
