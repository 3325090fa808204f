/** The week grid: one row per shift, one column per date, the people on duty in each cell; leads click a cell to change it. */
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Roster, type RosterCell, type Shift, useUpdateShift } from '../../api/duty';
import { useApiError } from '../../components/useApiError';
import { type MessageKey, useT } from '../../i18n';
import { CellModal } from './CellModal';
import { ShiftModal } from './ShiftModal';
import { addDays, weekdayOf } from './week';

export function RosterGrid({ roster, from }: { roster: Roster; from: string }) {
  const t = useT();
  const showError = useApiError();
  const archive = useUpdateShift();
  const [editingShift, setEditingShift] = useState<Shift | null>(null);
  const [editingCell, setEditingCell] = useState<{ shift: Shift; date: string } | null>(null);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const names = new Map(roster.members.map((m) => [m.id, m.displayName]));
  const cellOf = (shiftId: string, date: string) => roster.days.find((d) => d.shiftId === shiftId && d.date === date) ?? null;

  const renderCell = (shift: Shift, date: string, cell: RosterCell | null) => {
    const content = !cell ? (
      <Typography.Text type="secondary">{t('duty.notRunning')}</Typography.Text>
    ) : cell.userIds.length ? (
      <Space size={[0, 4]} wrap>
        {cell.userIds.map((id) => (
          <Tag key={id} color={cell.overridden ? 'orange' : 'blue'}>
            {names.get(id) ?? id}
          </Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">{t('duty.nobody')}</Typography.Text>
    );
    return (
      <div data-testid={`duty-cell-${shift.name}-${date}`} title={cell?.note || undefined}>
        {cell?.overridden ? <Tag bordered={false}>{t('duty.overridden')}</Tag> : null}
        {roster.canManage ? (
          <Button type="text" size="small" style={{ height: 'auto', padding: 2, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setEditingCell({ shift, date })}>
            {content}
          </Button>
        ) : (
          content
        )}
      </div>
    );
  };

  return (
    <>
      <Table<Shift>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={roster.shifts}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('duty.noShifts') }}
        data-testid="duty-grid"
        columns={[
          {
            title: t('duty.shift'),
            key: 'shift',
            fixed: 'left',
            width: 170,
            render: (_, shift) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{shift.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {shift.startTime}–{shift.overnight ? `${t('duty.overnight')} ` : ''}
                  {shift.endTime}
                </Typography.Text>
                {roster.canManage ? (
                  <Space size={0}>
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditingShift(shift)}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('duty.archiveShiftConfirm')}
                      onConfirm={() => archive.mutate({ id: shift.id, archived: true }, { onError: (e) => showError(e) })}
                    >
                      <Button type="link" size="small" danger>
                        {t('duty.archiveShift')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null}
              </Space>
            ),
          },
          ...dates.map((date) => ({
            title: `${t(`duty.weekday.${weekdayOf(date)}` as MessageKey)} ${date.slice(5)}`,
            key: date,
            render: (_: unknown, shift: Shift) => renderCell(shift, date, cellOf(shift.id, date)),
          })),
        ]}
      />
      {editingShift ? <ShiftModal teamId={roster.team.id} shift={editingShift} onClose={() => setEditingShift(null)} /> : null}
      {editingCell ? (
        <CellModal
          roster={roster}
          shift={editingCell.shift}
          date={editingCell.date}
          cell={cellOf(editingCell.shift.id, editingCell.date)}
          onClose={() => setEditingCell(null)}
        />
      ) : null}
    </>
  );
}
