/**
 * Who is on duty for one shift on one date: for that date only (an override, e.g.
 * a swap) or every such weekday (the weekly pattern). An overridden date can go
 * back to the weekly pattern.
 */
import { App, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { type Roster, type RosterCell, type Shift, useClearOverride, useSetOverride, useSetPattern } from '../../api/duty';
import { useApiError } from '../../components/useApiError';
import { type MessageKey, useT } from '../../i18n';
import { weekdayOf } from './week';

interface Values {
  userIds: string[];
  scope: 'date' | 'weekly';
  note: string;
}

export function CellModal({ roster, shift, date, cell, onClose }: { roster: Roster; shift: Shift; date: string; cell: RosterCell | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const setPattern = useSetPattern();
  const setOverride = useSetOverride();
  const clearOverride = useClearOverride();
  const weekday = weekdayOf(date);
  const runsWeekly = shift.weekdays.includes(weekday);
  const scope = Form.useWatch('scope', form);

  const done = {
    onSuccess: () => {
      message.success(t('common.saved'));
      onClose();
    },
    onError: (e: unknown) => showError(e, form),
  };
  const submit = (v: Values) => {
    if (v.scope === 'weekly') setPattern.mutate({ shiftId: shift.id, weekday, userIds: v.userIds }, done);
    else setOverride.mutate({ shiftId: shift.id, date, userIds: v.userIds, note: v.note ?? '' }, done);
  };

  return (
    <Modal
      open
      title={t('duty.editCell', { shift: shift.name, date })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setPattern.isPending || setOverride.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      footer={(original) => (
        <>
          {cell?.overridden ? (
            <Button
              onClick={() => clearOverride.mutate({ shiftId: shift.id, date }, done)}
              loading={clearOverride.isPending}
              data-testid="duty-cell-reset"
            >
              {t('duty.resetToPattern')}
            </Button>
          ) : null}
          {original}
        </>
      )}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="duty-cell-form"
        initialValues={{ userIds: cell?.userIds ?? [], scope: cell?.overridden || !runsWeekly ? 'date' : 'weekly', note: cell?.note ?? '' }}
      >
        <Form.Item name="userIds" label={t('duty.people')}>
          <Select
            mode="multiple"
            data-testid="duty-cell-people"
            optionFilterProp="label"
            options={roster.members.map((m) => ({ value: m.id, label: m.displayName }))}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('duty.scope')}>
          <Radio.Group data-testid="duty-cell-scope">
            <Radio value="date">{t('duty.scopeDate', { date })}</Radio>
            {runsWeekly ? <Radio value="weekly">{t('duty.scopeWeekly', { weekday: t(`duty.weekday.${weekday}` as MessageKey) })}</Radio> : null}
          </Radio.Group>
        </Form.Item>
        {scope === 'date' ? (
          <Form.Item name="note" label={t('duty.note')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
