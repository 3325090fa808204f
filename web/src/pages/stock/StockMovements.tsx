/** One stock item's movements, paged: what changed, why (reason, note, work order), who and when. */
import { Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type StockMovement, useStockMovements } from '../../api/stock';
import { useT } from '../../i18n';

const when = (iso: string) => new Date(iso).toLocaleString([], { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export function StockMovements({ stockItemId, unit }: { stockItemId: string; unit: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const moves = useStockMovements(stockItemId, page);
  return (
    <Table<StockMovement>
      size="small"
      rowKey="id"
      data-testid="stock-movements"
      loading={moves.isFetching}
      dataSource={moves.data?.items}
      pagination={{ current: page, pageSize: moves.data?.pageSize ?? 10, total: moves.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
      columns={[
        { title: t('stockMoves.when'), dataIndex: 'createdAt', render: when },
        { title: t('stockMoves.title'), dataIndex: 'reason', render: (reason: StockMovement['reason']) => t(`stockMoves.reason.${reason}`) },
        {
          title: t('stockMoves.change'),
          dataIndex: 'delta',
          render: (delta: number) => <Typography.Text type={delta < 0 ? 'danger' : 'success'}>{`${delta > 0 ? '+' : ''}${delta}${unit}`}</Typography.Text>,
        },
        { title: t('stockMoves.after'), dataIndex: 'quantityAfter', render: (q: number) => `${q}${unit}` },
        {
          title: t('stockMoves.workOrder'),
          key: 'order',
          render: (_, m) =>
            m.workOrder ? (
              <Link to={`/work-orders/${m.workOrder.id}`}>{m.workOrder.number}</Link>
            ) : m.hiddenWorkOrder ? (
              <Typography.Text type="secondary">{t('stockMoves.hiddenOrder')}</Typography.Text>
            ) : (
              '—'
            ),
        },
        // The server writes this fixed note for the quantity an item is created with.
        { title: t('stockMoves.note'), dataIndex: 'note', render: (note: string) => (note === 'opening stock' ? t('stockMoves.openingStock') : note) },
        { title: t('stockMoves.who'), key: 'who', render: (_, m) => m.actor?.name ?? t('stockMoves.system') },
      ]}
    />
  );
}
