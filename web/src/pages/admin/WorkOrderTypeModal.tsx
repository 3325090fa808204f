/** Create or edit a work order type and its workflow: statuses (with categories), the initial one, allowed transitions. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useSaveWorkOrderType, type WorkflowInput } from '../../api/config';
import { useTeams } from '../../api/identity';
import { STATUS_CATEGORIES, type WorkOrderType } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { TransitionMatrix } from './TransitionMatrix';

interface TypeForm {
  key: string;
  name: string;
  nameEn?: string;
  defaultTeamId?: string | null;
  statuses: WorkflowInput['statuses'];
  initial: string;
  transitions: WorkflowInput['transitions'];
}

const KEY_PATTERN = /^[a-z0-9_]{1,40}$/;

function initialValues(type: WorkOrderType | null): Partial<TypeForm> {
  if (!type) {
    return { statuses: [{ key: 'new', name: '', nameEn: '', category: 'new' }], initial: 'new', transitions: [] };
  }
  return {
    key: type.key,
    name: type.name,
    nameEn: type.nameEn,
    defaultTeamId: type.defaultTeam?.id ?? null,
    statuses: type.workflow.statuses.map(({ key, name, nameEn, category }) => ({ key, name, nameEn, category })),
    initial: type.workflow.initial,
    transitions: type.workflow.transitions,
  };
}

export function WorkOrderTypeModal({ type, onClose }: { type: WorkOrderType | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<TypeForm>();
  const teams = useTeams();
  const save = useSaveWorkOrderType();
  const statuses = (Form.useWatch('statuses', form) ?? []).filter((s) => s?.key);

  const submit = ({ key, name, nameEn, defaultTeamId, statuses: list, initial, transitions }: TypeForm) => {
    const keys = new Set(list.map((s) => s.key));
    const workflow = { initial, statuses: list, transitions: transitions.filter((tr) => keys.has(tr.from) && keys.has(tr.to)) };
    save.mutate(
      { isNew: type === null, key: type?.key ?? key, name, nameEn, defaultTeamId: defaultTeamId ?? null, workflow },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  };

  return (
    <Modal
      open
      width={880}
      title={t(type ? 'workOrderType.edit' : 'workOrderType.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<TypeForm> form={form} layout="vertical" onFinish={submit} initialValues={initialValues(type)}>
        <Space wrap align="start">
          <Form.Item name="key" label={t('config.key')} rules={[{ required: true, pattern: KEY_PATTERN }]}>
            <Input disabled={Boolean(type)} style={{ width: 160 }} data-testid="type-key" />
          </Form.Item>
          <Form.Item name="name" label={t('config.name')} rules={[{ required: true, max: 50 }]}>
            <Input style={{ width: 180 }} data-testid="type-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('config.nameEn')} rules={[{ max: 50 }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="defaultTeamId" label={t('workOrderType.defaultTeam')}>
            <Select allowClear style={{ width: 180 }} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('workOrderType.statuses')} required>
          <Form.List name="statuses">
            {(items, { add, remove }) => (
              <>
                {items.map(({ key, name }) => (
                  <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[name, 'key']} rules={[{ required: true, pattern: KEY_PATTERN }]}>
                      <Input placeholder={t('config.key')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'name']} rules={[{ required: true, max: 50 }]}>
                      <Input placeholder={t('config.name')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'nameEn']} rules={[{ max: 50 }]}>
                      <Input placeholder={t('config.nameEn')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'category']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 120 }}
                        placeholder={t('workOrderType.category')}
                        options={STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`statusCategory.${c}`) }))}
                      />
                    </Form.Item>
                    {items.length > 1 ? <MinusCircleOutlined onClick={() => remove(name)} /> : null}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', nameEn: '', category: 'open' })}>
                  {t('workOrderType.addStatus')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="initial" label={t('workOrderType.initial')} rules={[{ required: true }]}>
          <Select style={{ width: 200 }} options={statuses.map((s) => ({ value: s.key, label: s.name || s.key }))} />
        </Form.Item>
        <Form.Item name="transitions" label={t('workOrderType.transitions')}>
          <TransitionMatrix statuses={statuses.map((s) => ({ key: s.key, name: s.name || s.key }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
