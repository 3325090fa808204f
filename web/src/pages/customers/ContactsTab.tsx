/** A customer's contacts: list, add and edit. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { type Contact, type ContactInput, type Customer, useSaveContact } from '../../api/customers';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function ContactsTab({ customer }: { customer: Customer }) {
  const t = useT();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  return (
    <>
      {customer.abilities.edit ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="contact-create">
          {t('contact.create')}
        </Button>
      ) : null}
      <Table<Contact>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 600 }}
        dataSource={customer.contacts.filter((contact) => !contact.archived)}
        columns={[
          { title: t('contact.name'), dataIndex: 'name' },
          { title: t('contact.position'), dataIndex: 'position' },
          { title: t('customer.phones'), dataIndex: 'phones', render: (phones: string[]) => phones.join(', ') },
          { title: t('customer.email'), dataIndex: 'email' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, contact) =>
              customer.abilities.edit ? (
                <Button type="link" size="small" onClick={() => setEditing(contact)}>
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <ContactModal customerId={customer.id} contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function ContactModal({ customerId, contact, onClose }: { customerId: string; contact: Contact | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<ContactInput>();
  const save = useSaveContact();
  return (
    <Modal
      open
      title={t(contact ? 'contact.edit' : 'contact.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ContactInput>
        form={form}
        layout="vertical"
        initialValues={contact ?? { phones: [] }}
        onFinish={(values) =>
          save.mutate(
            { customerId, id: contact?.id, ...values, birthday: values.birthday || null },
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
        <Form.Item name="name" label={t('contact.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="contact-name" />
        </Form.Item>
        <Form.Item name="phones" label={t('customer.phones')} extra={t('customer.phonesHint')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item name="position" label={t('contact.position')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('customer.email')} rules={[{ type: 'email', max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="birthday" label={t('contact.birthday')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="notes" label={t('customer.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
