/** Holidays and adjusted working days (调休上班), one row per date, edited in place. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table } from 'antd';
import type { CalendarDate } from '../../../api/calendars';
import { useT } from '../../../i18n';

interface Props {
  value: CalendarDate[];
  onChange: (value: CalendarDate[]) => void;
}

export function DatesTable({ value, onChange }: Props) {
  const t = useT();
  const set = (index: number, patch: Partial<CalendarDate>) => onChange(value.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const rows = value.map((d, index) => ({ ...d, index }));
  return (
    <>
      <Table
        rowKey="index"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="calendar-dates"
        columns={[
          {
            title: t('calendars.date'),
            key: 'date',
            width: 170,
            render: (_, row) => (
              <Input type="date" value={row.date} onChange={(e) => set(row.index, { date: e.target.value })} aria-label={t('calendars.date')} />
            ),
          },
          {
            title: t('calendars.kind'),
            key: 'kind',
            width: 160,
            render: (_, row) => (
              <Select
                style={{ width: '100%' }}
                value={row.kind}
                onChange={(kind) => set(row.index, { kind })}
                options={[
                  { value: 'holiday', label: t('calendars.kind.holiday') },
                  { value: 'workday', label: t('calendars.kind.workday') },
                ]}
              />
            ),
          },
          {
            title: t('calendars.dateName'),
            key: 'name',
            render: (_, row) => (
              <Input value={row.name} maxLength={50} onChange={(e) => set(row.index, { name: e.target.value })} aria-label={t('calendars.dateName')} />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_, row) => (
              <Button
                type="link"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('calendars.removeDate')}
                onClick={() => onChange(value.filter((_, i) => i !== row.index))}
              />
            ),
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => onChange([{ date: '', kind: 'holiday', name: '' }, ...value])}
        data-testid="calendar-add-date"
      >
        {t('calendars.addDate')}
      </Button>
    </>
  );
}
