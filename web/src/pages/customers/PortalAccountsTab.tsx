/** The customer's portal logins: list them and open new ones (administrators and managers; the server checks). */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api/client';
import type { Customer } from '../../api/customers';
import { type UserInput, useCreateUser } from '../../api/identity';
import type { Page, User } from '../../api/types';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function PortalAccountsTab({ customer }: { customer: Customer }) {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const accounts = useQuery({
    queryKey: ['users', 'portal', customer.id],
    queryFn: () => get<Page<User>>('/users', { customerId: customer.id, includeDisabled: 'true', pageSize: 100 }),
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('portalAccount.hint')}</Typography.Paragraph>
      <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 12 }} data-testid="portal-account-create">
        {t('portalAccount.create')}
      </Button>
      <Table<User>
        rowKey="id"
        size="small"
        pagination={false}
        loading={accounts.isFetching}
        dataSource={accounts.data?.items}
        columns={[
          { title: t('user.username'), dataIndex: 'username' },
          { title: t('user.displayName'), dataIndex: 'displayName' },
          { title: t('user.phone'), dataIndex: 'phone' },
          {
            title: t('user.status'),
            dataIndex: 'disabled',
            render: (disabled: boolean) => (disabled ? <Tag>{t('user.disabled')}</Tag> : <Tag color="green">{t('user.active')}</Tag>),
          },
        ]}
      />
      {creating ? <PortalAccountModal customer={customer} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function PortalAccountModal({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<UserInput & { contactId?: string }>();
  const create = useCreateUser();
  return (
    <Modal
      open
      title={t('portalAccount.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          create.mutate(
            { ...values, role: 'customer', customerId: customer.id },
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
        <Form.Item name="contactId" label={t('workOrder.contact')}>
          <Select
            allowClear
            options={customer.contacts.filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(id?: string) => {
              const contact = customer.contacts.find((c) => c.id === id);
              if (contact && !form.getFieldValue('displayName')) form.setFieldValue('displayName', contact.name);
            }}
          />
        </Form.Item>
        <Form.Item name="username" label={t('user.username')} rules={[{ required: true, min: 2, max: 64 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('user.password')} extra={t('user.passwordHint')} rules={[{ required: true, min: 8, max: 200 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="phone" label={t('user.phone')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
