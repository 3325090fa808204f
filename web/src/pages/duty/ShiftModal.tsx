/** Add a shift or change one: name, local start and end time (overnight when the end is not after the start), weekdays. */
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { type Shift, type ShiftFields, useCreateShift, useUpdateShift } from '../../api/duty';
import { useApiError } from '../../components/useApiError';
import { type MessageKey, useT } from '../../i18n';

const WEEK = [1, 2, 3, 4, 5, 6, 0];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export function ShiftModal({ teamId, shift, onClose }: { teamId: string; shift: Shift | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<ShiftFields>();
  const create = useCreateShift();
  const update = useUpdateShift();

  const submit = (values: ShiftFields) => {
    const done = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    if (shift) update.mutate({ id: shift.id, ...values }, done);
    else create.mutate({ teamId, ...values }, done);
  };

  return (
    <Modal
      open
      title={t(shift ? 'duty.editShift' : 'duty.addShift')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ShiftFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="duty-shift-form"
        initialValues={shift ?? { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '18:00' }}
      >
        <Form.Item name="name" label={t('duty.shiftName')} rules={[{ required: true, max: 50 }]}>
          <Input data-testid="duty-shift-name" />
        </Form.Item>
        <Form.Item name="startTime" label={t('duty.startTime')} rules={[{ required: true, pattern: TIME, message: t('duty.timeHint') }]}>
          <Input placeholder="08:00" data-testid="duty-shift-start" />
        </Form.Item>
        <Form.Item
          name="endTime"
          label={t('duty.endTime')}
          extra={t('duty.timeHint')}
          rules={[{ required: true, pattern: END_TIME, message: t('duty.timeHint') }]}
        >
          <Input placeholder="17:00" data-testid="duty-shift-end" />
        </Form.Item>
        <Form.Item name="weekdays" label={t('duty.weekdays')}>
          <Checkbox.Group
            data-testid="duty-shift-weekdays"
            options={WEEK.map((d) => ({ value: d, label: t(`duty.weekday.${d}` as MessageKey) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
