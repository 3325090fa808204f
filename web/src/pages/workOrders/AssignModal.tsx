/** Hand a work order to a team and/or a person, with a reason for the record. */
import { App, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { useTeams } from '../../api/identity';
import type { Page, User } from '../../api/types';
import { useAssign, type WorkOrder } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

interface AssignForm {
  teamId?: string | null;
  assigneeId?: string | null;
  reason?: string;
}

export function AssignModal({ order, onClose }: { order: WorkOrder; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<AssignForm>();
  const teams = useTeams();
  const assign = useAssign();
  const teamId = Form.useWatch('teamId', form);
  // People offered are the chosen team's members (or all staff without a team).
  const people = useQuery({
    queryKey: ['users', 'assignable', teamId ?? null],
    queryFn: () => get<Page<User>>('/users', { teamId: teamId ?? undefined, pageSize: 100 }),
    select: (page) => page.items.filter((user) => user.role !== 'customer'),
  });

  const submit = (values: AssignForm) =>
    assign.mutate(
      { id: order.id, teamId: values.teamId ?? null, assigneeId: values.assigneeId ?? null, reason: values.reason || undefined },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open
      title={t('workOrder.assign')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AssignForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ teamId: order.team?.id ?? null, assigneeId: order.assignee?.id ?? null }}
        onValuesChange={(changed) => {
          if ('teamId' in changed) form.setFieldValue('assigneeId', null);
        }}
      >
        <Form.Item name="teamId" label={t('workOrder.team')}>
          <Select allowClear options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('workOrder.assignee')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(people.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('workOrder.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
