/** The team's routing of new work: rule, routed work order types, time zone of the roster. */
import { Alert, App, Button, Form, Input, Radio, Select } from 'antd';
import { ROUTING_MODES, type Routing, useSetRouting } from '../../api/duty';
import { useWorkOrderTypes } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function RoutingForm({ routing, canManage }: { routing: Routing; canManage: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Routing>();
  const types = useWorkOrderTypes();
  const save = useSetRouting();

  return (
    <Form<Routing>
      key={routing.teamId}
      form={form}
      layout="vertical"
      disabled={!canManage}
      initialValues={routing}
      data-testid="duty-routing-form"
      onFinish={(values) =>
        save.mutate({ ...values, teamId: routing.teamId }, { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e, form) })
      }
    >
      <Alert type="info" showIcon title={t('duty.routingHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="mode" label={t('duty.routingMode')}>
        <Radio.Group data-testid="duty-routing-mode">
          {ROUTING_MODES.map((mode) => (
            <Radio key={mode} value={mode}>
              {t(`duty.mode.${mode}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="typeKeys" label={t('duty.routedTypes')}>
        <Select
          mode="multiple"
          data-testid="duty-routing-types"
          optionFilterProp="label"
          options={(types.data ?? []).map((type) => ({ value: type.key, label: type.label }))}
        />
      </Form.Item>
      <Form.Item name="timeZone" label={t('duty.timeZone')} rules={[{ required: true, max: 64 }]}>
        <Input style={{ maxWidth: 260 }} />
      </Form.Item>
      {canManage ? (
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="duty-routing-save">
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}
