/**
 * For the office: the materials a repair used and the stock movements it
 * caused (taken, put back; who and when), so a part can be traced from the
 * order to the stock and back.
 */
import { Flex, Table, Tag, Typography } from 'antd';
import type { Repair } from '../../api/repairs';
import { useT } from '../../i18n';

const when = (iso: string) => new Date(iso).toLocaleString([], { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export function OrderMaterials({ repair }: { repair: Repair }) {
  const t = useT();
  if (!repair.materials.length && !repair.stockMovements.length) return null;
  return (
    <Flex vertical gap={8} data-testid="repair-materials">
      <Typography.Text strong>{t('stockMoves.materials')}</Typography.Text>
      {repair.materials.length === 0 && <Typography.Text type="secondary">{t('stockMoves.none')}</Typography.Text>}
      {repair.materials.map((m) => (
        <Typography.Text key={m.id}>
          {`${m.stockItem.name} × ${m.quantity}${m.stockItem.unit}`}
          {m.customerSupplied && <Tag style={{ marginInlineStart: 8 }}>{t('technician.customerSupplied')}</Tag>}
        </Typography.Text>
      ))}
      {repair.stockMovements.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="repair-stock-movements"
          dataSource={repair.stockMovements}
          columns={[
            { title: t('stockMoves.when'), dataIndex: 'createdAt', render: when },
            { title: t('repairConfig.name'), key: 'item', render: (_, m) => m.stockItem.name },
            { title: t('stockMoves.title'), dataIndex: 'reason', render: (reason: Repair['stockMovements'][number]['reason']) => t(`stockMoves.reason.${reason}`) },
            {
              title: t('stockMoves.change'),
              key: 'delta',
              render: (_, m) => (
                <Typography.Text type={m.delta < 0 ? 'danger' : 'success'}>{`${m.delta > 0 ? '+' : ''}${m.delta}${m.stockItem.unit}`}</Typography.Text>
              ),
            },
            { title: t('stockMoves.after'), key: 'after', render: (_, m) => `${m.quantityAfter}${m.stockItem.unit}` },
            { title: t('stockMoves.who'), key: 'who', render: (_, m) => m.actor?.name ?? t('stockMoves.system') },
          ]}
        />
      )}
    </Flex>
  );
}
