/** Create or edit a customer's profile: names, region, phones, tier and classification. */
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useNavigate } from 'react-router';
import {
  type Customer,
  type CustomerInput,
  useCategorySets,
  useCreateCustomer,
  useServiceTiers,
  useUpdateCustomer,
} from '../../api/customers';
import { CustomFieldInputs, cleanCustomFields } from '../../components/CustomFields';
import { useApiError } from '../../components/useApiError';
import { useLocalName } from '../../components/useLocalName';
import { useT } from '../../i18n';

type FormValues = Omit<CustomerInput, 'classification'> & {
  classification?: Record<string, string | undefined>;
  customFields?: Record<string, unknown>;
};

export function CustomerFormModal({
  customer,
  onClose,
  onCreated,
}: {
  customer: Customer | null;
  onClose: () => void;
  /** Called with a newly created customer instead of opening its page (e.g. while logging a call). */
  onCreated?: (created: Customer) => void;
}) {
  const t = useT();
  const localName = useLocalName();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<FormValues>();
  const sets = useCategorySets();
  const tiers = useServiceTiers();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();

  const submit = ({ classification = {}, creditCode, tier, customFields, ...rest }: FormValues) => {
    const input: CustomerInput = {
      ...rest,
      customFields: cleanCustomFields(customFields),
      creditCode: creditCode || null,
      tier: tier ?? null,
      // An emptied choice removes the value on the server.
      classification: Object.fromEntries(Object.entries(classification).map(([set, option]) => [set, option ?? null])),
    };
    const onError = (e: unknown) => showError(e, form);
    if (customer) {
      update.mutate(
        { id: customer.id, ...input },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (created) => {
          message.success(t('common.saved'));
          if (onCreated) onCreated(created);
          else navigate(`/customers/${created.id}`);
        },
        onError,
      });
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t(customer ? 'customer.edit' : 'customer.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="customer-form"
        initialValues={
          customer
            ? { ...customer, notes: customer.notes ?? '', tier: customer.tier?.key ?? null, classification: customer.classification }
            : { phones: [] }
        }
      >
        <Form.Item name="name" label={t('customer.name')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="customer-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="phones" label={t('customer.phones')} extra={t('customer.phonesHint')}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} data-testid="customer-phones" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('customer.email')} rules={[{ type: 'email', max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="province" label={t('customer.province')} rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="city" label={t('customer.city')} rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="county" label={t('customer.county')} rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('customer.address')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={t('customer.creditCode')} rules={[{ len: 18 }]}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tier" label={t('customer.tier')}>
              <Select allowClear options={(tiers.data ?? []).map((tier) => ({ value: tier.key, label: localName(tier) }))} />
            </Form.Item>
          </Col>
          {(sets.data ?? []).map((set) => (
            <Col xs={24} md={12} key={set.key}>
              <Form.Item name={['classification', set.key]} label={localName(set)}>
                <Select
                  allowClear
                  options={set.options.filter((o) => !o.archived).map((option) => ({ value: option.key, label: localName(option) }))}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <CustomFieldInputs entity="customer" />
        <Form.Item name="notes" label={t('customer.notes')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
