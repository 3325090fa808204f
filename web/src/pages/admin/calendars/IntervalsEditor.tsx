/** The working hours of one day: a list of HH:MM–HH:MM intervals; an end before the start runs overnight. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag, Tooltip, Typography } from 'antd';
import type { WorkingInterval } from '../../../api/calendars';
import { useT } from '../../../i18n';

const START = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

export const intervalOk = (i: WorkingInterval) => START.test(i.start) && END.test(i.end) && i.start !== i.end;
const overnight = (i: WorkingInterval) => intervalOk(i) && i.end !== '24:00' && i.end < i.start;

interface Props {
  value: WorkingInterval[];
  onChange: (value: WorkingInterval[]) => void;
  testId: string;
}

export function IntervalsEditor({ value, onChange, testId }: Props) {
  const t = useT();
  const set = (index: number, patch: Partial<WorkingInterval>) =>
    onChange(value.map((interval, i) => (i === index ? { ...interval, ...patch } : interval)));
  return (
    <Space wrap size={[12, 8]} data-testid={testId}>
      {value.length === 0 && <Typography.Text type="secondary">{t('calendars.dayOff')}</Typography.Text>}
      {value.map((interval, index) => {
        const bad = (field: 'start' | 'end') => !(field === 'start' ? START : END).test(interval[field]);
        return (
          // Intervals have no identity of their own; the position is their key while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Space.Compact key={index}>
            <Tooltip title={bad('start') ? t('calendars.timeFormat') : undefined}>
              <Input
                style={{ width: 72 }}
                aria-label={t('calendars.start')}
                status={bad('start') ? 'error' : undefined}
                value={interval.start}
                placeholder="09:00"
                onChange={(e) => set(index, { start: e.target.value.trim() })}
                data-testid={`${testId}-start-${index}`}
              />
            </Tooltip>
            <Tooltip title={bad('end') ? t('calendars.timeFormat') : undefined}>
              <Input
                style={{ width: 72 }}
                aria-label={t('calendars.end')}
                status={bad('end') ? 'error' : undefined}
                value={interval.end}
                placeholder="18:00"
                onChange={(e) => set(index, { end: e.target.value.trim() })}
                data-testid={`${testId}-end-${index}`}
              />
            </Tooltip>
            {overnight(interval) && (
              <Tag color="purple" style={{ margin: 0, display: 'flex', alignItems: 'center' }}>
                {t('calendars.overnight')}
              </Tag>
            )}
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('calendars.removeInterval')}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            />
          </Space.Compact>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, { start: '09:00', end: '18:00' }])}
        data-testid={`${testId}-add`}
      >
        {t('calendars.addInterval')}
      </Button>
    </Space>
  );
}
