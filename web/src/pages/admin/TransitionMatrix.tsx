/** The allowed transitions of a workflow as a grid of checkboxes: row = from, column = to. */
import { Checkbox, Table } from 'antd';

export interface Transition {
  from: string;
  to: string;
}

export function TransitionMatrix({
  statuses,
  value = [],
  onChange,
}: {
  statuses: { key: string; name: string }[];
  value?: Transition[];
  onChange?: (next: Transition[]) => void;
}) {
  const has = (from: string, to: string) => value.some((tr) => tr.from === from && tr.to === to);
  const toggle = (from: string, to: string, on: boolean) =>
    onChange?.(on ? [...value, { from, to }] : value.filter((tr) => !(tr.from === from && tr.to === to)));
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      bordered
      scroll={{ x: 120 + statuses.length * 90 }}
      dataSource={statuses}
      columns={[
        { title: '', dataIndex: 'name', fixed: 'left', width: 120 },
        ...statuses.map((to) => ({
          title: to.name,
          key: to.key,
          width: 90,
          align: 'center' as const,
          render: (_: unknown, from: { key: string }) =>
            from.key === to.key ? null : (
              <Checkbox
                aria-label={`${from.key}→${to.key}`}
                checked={has(from.key, to.key)}
                onChange={(e) => toggle(from.key, to.key, e.target.checked)}
              />
            ),
        })),
      ]}
    />
  );
}
