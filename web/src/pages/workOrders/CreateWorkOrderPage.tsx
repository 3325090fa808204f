/**
 * 来电建单: log a phone call as a work order in a few keystrokes — find the
 * customer by name or phone, pick the contact, type a subject, save.
 */
import { App, Button, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useCustomer } from '../../api/customers';
import { CHANNELS, type CreateWorkOrderInput, PRIORITIES, useCreateWorkOrder, useWorkOrderTypes } from '../../api/workOrders';
import { CustomerPicker } from '../../components/CustomerPicker';
import { CustomFieldInputs, cleanCustomFields } from '../../components/CustomFields';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { CustomerFormModal } from '../customers/CustomerFormModal';

export default function CreateWorkOrderPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const [params] = useSearchParams();
  const [form] = Form.useForm<CreateWorkOrderInput>();
  const types = useWorkOrderTypes();
  const create = useCreateWorkOrder();
  const customerId = Form.useWatch('customerId', form);
  const customer = useCustomer(customerId);
  // A first-time caller: create the customer without leaving the call form.
  const [newCustomer, setNewCustomer] = useState(false);

  const activeTypes = (types.data ?? []).filter((type) => !type.archived);
  useEffect(() => {
    if (!form.getFieldValue('typeKey') && activeTypes[0]) form.setFieldValue('typeKey', activeTypes[0].key);
  }, [activeTypes, form]);

  const submit = (values: CreateWorkOrderInput) =>
    create.mutate(
      { ...values, customFields: cleanCustomFields(values.customFields) },
      {
        onSuccess: (created) => {
          message.success(t('workOrder.created', { number: created.number }));
          navigate(`/work-orders/${created.id}`);
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Card title={t('workOrder.createTitle')}>
      <Form<CreateWorkOrderInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 880 }}
        initialValues={{ channel: 'phone', priority: 'normal', customerId: params.get('customerId') ?? undefined }}
        onValuesChange={(changed) => {
          if ('customerId' in changed) form.setFieldsValue({ contactId: undefined, assetId: undefined });
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="customerId"
              label={t('workOrder.customer')}
              rules={[{ required: true }]}
              extra={
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setNewCustomer(true)} data-testid="call-new-customer">
                  {t('customer.create')}
                </Button>
              }
            >
              <CustomerPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactId" label={t('workOrder.contact')}>
              <Select
                allowClear
                disabled={!customer.data}
                options={(customer.data?.contacts ?? [])
                  .filter((contact) => !contact.archived)
                  .map((contact) => ({ value: contact.id, label: [contact.name, ...contact.phones].join(' · ') }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="typeKey" label={t('workOrder.type')} rules={[{ required: true }]}>
              <Select options={activeTypes.map((type) => ({ value: type.key, label: type.label }))} data-testid="work-order-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="assetId" label={t('workOrder.asset')}>
              <Select
                allowClear
                disabled={!customer.data}
                options={(customer.data?.assets ?? [])
                  .filter((asset) => !asset.archived)
                  .map((asset) => ({ value: asset.id, label: [asset.name, asset.model, asset.serial].filter(Boolean).join(' · ') }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label={t('workOrder.channel')} rules={[{ required: true }]}>
              <Select options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="priority" label={t('workOrder.priority')}>
              <Radio.Group
                optionType="button"
                options={PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="subject" label={t('workOrder.subject')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="work-order-subject" />
        </Form.Item>
        <Form.Item name="description" label={t('workOrder.description')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={4} data-testid="work-order-description" />
        </Form.Item>
        <CustomFieldInputs entity="work_order" />
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="work-order-submit">
          {t('common.save')}
        </Button>
      </Form>
      {newCustomer ? (
        <CustomerFormModal
          customer={null}
          onClose={() => setNewCustomer(false)}
          onCreated={(created) => {
            form.setFieldsValue({ customerId: created.id, contactId: undefined, assetId: undefined });
            setNewCustomer(false);
          }}
        />
      ) : null}
    </Card>
  );
}
