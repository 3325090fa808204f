/** Create or edit an SLA policy: conditions, calendar, targets per clock and escalation steps. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Flex, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useCalendars } from '../../../api/calendars';
import { useServiceTiers } from '../../../api/customers';
import { SLA_ACTIONS, SLA_CLOCKS, type SlaAction, type SlaClock, type SlaMode, type SlaPolicy, type SlaPolicyInput, useCreateSlaPolicy, useUpdateSlaPolicy } from '../../../api/slaPolicies';
import { CHANNELS, PRIORITIES, useWorkOrderTypes } from '../../../api/workOrders';
import { useApiError } from '../../../components/useApiError';
import { useLocalName } from '../../../components/useLocalName';
import { useT } from '../../../i18n';
import { DurationInput } from './DurationInput';

interface FormValues {
  name: string;
  active: boolean;
  calendarId: string;
  tierIds: string[];
  typeKeys: string[];
  priorities: string[];
  channels: string[];
  targets: { clock: SlaClock; seconds: number; mode: SlaMode }[];
  escalations: { clock: SlaClock; atPercent: number; actions: SlaAction[] }[];
}

// Select cannot hold null; the default calendar is this value in the form.
const DEFAULT_CALENDAR = '';

function toForm(policy: SlaPolicy | null): FormValues {
  if (!policy) {
    return {
      name: '',
      active: true,
      calendarId: DEFAULT_CALENDAR,
      tierIds: [],
      typeKeys: [],
      priorities: [],
      channels: [],
      targets: [{ clock: 'firstResponse', seconds: 3600, mode: 'business' }],
      escalations: [],
    };
  }
  return {
    name: policy.name,
    active: policy.active,
    calendarId: policy.calendarId ?? DEFAULT_CALENDAR,
    ...policy.match,
    targets: policy.targets,
    escalations: policy.escalations.map((e) => ({ clock: e.clock, atPercent: e.atPercent, actions: e.actions.map((a) => a.type) })),
  };
}

function toInput(v: FormValues): SlaPolicyInput {
  return {
    name: v.name,
    active: v.active,
    calendarId: v.calendarId || null,
    match: { tierIds: v.tierIds, typeKeys: v.typeKeys, priorities: v.priorities, channels: v.channels },
    targets: v.targets,
    escalations: (v.escalations ?? []).map((e) => ({ clock: e.clock, atPercent: e.atPercent, actions: e.actions.map((type) => ({ type })) })),
  };
}

export function SlaPolicyModal({ policy, onClose }: { policy: SlaPolicy | null; onClose: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const showError = useApiError();
  const [form] = Form.useForm<FormValues>();
  const tiers = useServiceTiers();
  const types = useWorkOrderTypes();
  const calendars = useCalendars(true);
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  const clockOptions = SLA_CLOCKS.map((clock) => ({ value: clock, label: t(`slaPolicies.clock.${clock}`) }));

  const submit = (values: FormValues) => {
    const input = toInput(values);
    const done = { onSuccess: onClose, onError: (e: unknown) => showError(e, form) };
    if (policy) update.mutate({ id: policy.id, ...input }, done);
    else create.mutate(input, done);
  };

  const calendarOptions = [
    { value: DEFAULT_CALENDAR, label: t('slaPolicies.defaultCalendar') },
    ...(calendars.data ?? [])
      .filter((c) => !c.archived || c.id === policy?.calendarId)
      .map((c) => ({ value: c.id, label: c.isDefault ? `${c.name} (${t('calendars.default')})` : c.name })),
  ];

  return (
    <Modal
      open
      width={860}
      title={policy ? t('slaPolicies.edit') : t('slaPolicies.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'sla-policy-save' } as { [key: `data-${string}`]: string }}
    >
      <Form form={form} layout="vertical" initialValues={toForm(policy)} onFinish={submit}>
        <Flex gap={16} wrap>
          <Form.Item name="name" label={t('slaPolicies.name')} rules={[{ required: true, whitespace: true, max: 100 }]} style={{ flex: 1, minWidth: 240 }}>
            <Input data-testid="sla-policy-name" />
          </Form.Item>
          <Form.Item name="calendarId" label={t('slaPolicies.calendar')} style={{ minWidth: 220 }}>
            <Select options={calendarOptions} data-testid="sla-policy-calendar" />
          </Form.Item>
          <Form.Item name="active" label={t('slaPolicies.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>

        <Divider titlePlacement="start">{t('slaPolicies.match')}</Divider>
        <Flex gap={16} wrap>
          {(
            [
              ['tierIds', 'slaPolicies.tiers', (tiers.data ?? []).map((x) => ({ value: x.key, label: localName(x) }))],
              ['typeKeys', 'slaPolicies.types', (types.data ?? []).map((x) => ({ value: x.key, label: x.label }))],
              ['priorities', 'slaPolicies.priorities', PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))],
              ['channels', 'slaPolicies.channels', CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))],
            ] as const
          ).map(([name, label, options]) => (
            <Form.Item key={name} name={name} label={t(label)} style={{ flex: 1, minWidth: 180 }}>
              <Select mode="multiple" allowClear placeholder={t('slaPolicies.any')} options={[...options]} data-testid={`sla-policy-${name}`} />
            </Form.Item>
          ))}
        </Flex>

        <Divider titlePlacement="start">{t('slaPolicies.targets')}</Divider>
        <Form.List
          name="targets"
          rules={[
            {
              validator: async (_, targets: FormValues['targets'] | undefined) => {
                if (!targets?.length) throw new Error(t('slaPolicies.targetsRequired'));
                const clocks = targets.map((x) => x?.clock);
                if (new Set(clocks).size !== clocks.length) throw new Error(t('slaPolicies.clockTwice'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'clock']} style={{ width: 160, marginBottom: 0 }}>
                    <Select options={clockOptions} aria-label={t('slaPolicies.clock')} data-testid={`sla-target-clock-${index}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'seconds']}
                    style={{ marginBottom: 0 }}
                    rules={[{ validator: async (_, v: number) => { if (!v || v < 1) throw new Error(t('slaPolicies.durationRequired')); } }]}
                  >
                    <DurationInput testId={`sla-target-duration-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'mode']} style={{ marginBottom: 0 }}>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'business', label: t('slaPolicies.mode.business') },
                        { value: 'calendar', label: t('slaPolicies.mode.calendar') },
                      ]}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('slaPolicies.remove')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <div>
                <Button icon={<PlusOutlined />} onClick={() => add({ clock: SLA_CLOCKS.find((c) => !form.getFieldValue('targets')?.some((x: { clock: string }) => x?.clock === c)) ?? 'resolution', seconds: 3600, mode: 'business' })} data-testid="sla-add-target">
                  {t('slaPolicies.addTarget')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('slaPolicies.escalations')}</Divider>
        <Form.List name="escalations">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Card key={field.key} size="small">
                  <Flex gap={8} wrap align="start">
                    <Form.Item name={[field.name, 'clock']} label={t('slaPolicies.clock')} style={{ width: 160, marginBottom: 0 }}>
                      <Select options={clockOptions} data-testid={`sla-escalation-clock-${index}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'atPercent']}
                      label={t('slaPolicies.atPercent')}
                      tooltip={t('slaPolicies.atPercentHint')}
                      rules={[{ required: true }]}
                      style={{ width: 140, marginBottom: 0 }}
                    >
                      <InputNumber min={1} max={1000} precision={0} suffix="%" data-testid={`sla-escalation-percent-${index}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'actions']} label={t('slaPolicies.actions')} rules={[{ required: true, type: 'array', min: 1 }]} style={{ flex: 1, minWidth: 260, marginBottom: 0 }}>
                      <Select
                        mode="multiple"
                        options={SLA_ACTIONS.map((a) => ({ value: a, label: t(`slaPolicies.action.${a}`) }))}
                        data-testid={`sla-escalation-actions-${index}`}
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('slaPolicies.remove')} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                  </Flex>
                </Card>
              ))}
              <div>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ clock: form.getFieldValue(['targets', 0, 'clock']) ?? 'firstResponse', atPercent: 80, actions: ['notifyAssignee'] })}
                  data-testid="sla-add-escalation"
                >
                  {t('slaPolicies.addEscalation')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
