/** The customer's contracts, whether each is in force today, and creating or correcting one. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Contract, type ContractInput, type Customer, useSaveContract } from '../../api/customers';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

const STATUS_COLORS = { active: 'green', expired: 'red', not_started: 'blue' } as const;

export function ContractsTab({ customer }: { customer: Customer }) {
  const t = useT();
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const editable = customer.abilities.edit && !customer.archived;
  return (
    <>
      {editable ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="contract-create">
          {t('contract.create')}
        </Button>
      ) : null}
      <Table<Contract>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 600 }}
        dataSource={customer.contracts.filter((contract) => !contract.archived)}
        expandable={{
          rowExpandable: (contract) => contract.serviceTerms !== '',
          expandedRowRender: (contract) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{contract.serviceTerms}</Typography.Paragraph>,
        }}
        columns={[
          { title: t('contract.number'), dataIndex: 'number' },
          { title: t('contract.startsOn'), dataIndex: 'startsOn' },
          { title: t('contract.endsOn'), dataIndex: 'endsOn' },
          {
            title: t('contract.status'),
            dataIndex: 'status',
            render: (status: Contract['status']) => <Tag color={STATUS_COLORS[status]}>{t(`contract.status.${status}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, contract) =>
              editable ? (
                <Button type="link" size="small" onClick={() => setEditing(contract)}>
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <ContractModal customerId={customer.id} contract={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function ContractModal({ customerId, contract, onClose }: { customerId: string; contract: Contract | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<ContractInput>();
  const save = useSaveContract();
  return (
    <Modal
      open
      title={t(contract ? 'contract.edit' : 'contract.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ContractInput>
        form={form}
        layout="vertical"
        initialValues={contract ?? {}}
        onFinish={(values) =>
          save.mutate(
            { customerId, id: contract?.id, ...values, startsOn: values.startsOn || null, endsOn: values.endsOn || null },
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
        <Form.Item name="number" label={t('contract.number')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="contract-number" />
        </Form.Item>
        <Form.Item name="startsOn" label={t('contract.startsOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('contract.endsOn')}
          dependencies={['startsOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, endsOn?: string) => {
                const startsOn = getFieldValue('startsOn') as string | undefined;
                return !endsOn || !startsOn || endsOn >= startsOn ? Promise.resolve() : Promise.reject(new Error(t('contract.endsBeforeStart')));
              },
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="serviceTerms" label={t('contract.serviceTerms')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
