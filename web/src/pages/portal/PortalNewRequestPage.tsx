/** A customer opens a work order: type, subject and description; the server fills in the organisation and channel. */
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router';
import { post } from '../../api/client';
import { useWorkOrderTypes } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

interface RequestForm {
  typeKey: string;
  subject: string;
  description?: string;
}

export default function PortalNewRequestPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<RequestForm>();
  const types = useWorkOrderTypes();

  const submit = async (values: RequestForm) => {
    try {
      const created = await post<{ id: string; number: string }>('/work-orders', values);
      message.success(t('portal.submitted', { number: created.number }));
      navigate(`/portal/work-orders/${created.id}`);
    } catch (error) {
      showError(error, form);
    }
  };

  return (
    <Card title={t('portal.newRequest')}>
      <Form<RequestForm> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="typeKey" label={t('workOrder.type')} rules={[{ required: true }]}>
          <Select
            data-testid="portal-type"
            options={(types.data ?? []).filter((type) => !type.archived).map((type) => ({ value: type.key, label: type.label }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('workOrder.subject')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="portal-subject" />
        </Form.Item>
        <Form.Item name="description" label={t('workOrder.description')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="portal-submit">
          {t('portal.newRequest')}
        </Button>
      </Form>
    </Card>
  );
}
