/**
 * 库存: the stock list for every staff member (the server lets all staff read
 * it), with each item's movements; administrators and managers also add items,
 * record counted adjustments with a reason, and archive (abilities.manageStock).
 */
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Table, Tag } from 'antd';
import { repairConfigApi, type StockItem, useAllStockItems, useRepairConfigChange } from '../../api/repairs';
import { useMe } from '../../auth/useMe';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { StockMovements } from './StockMovements';

type Row = StockItem & { archived: boolean };
type FormInstance = ReturnType<typeof Form.useForm>[0];

/** A counted adjustment of one item; its own form, so it clears once saved. */
function AdjustForm({ onAdjust }: { onAdjust: (v: { delta: number; note: string }, form: FormInstance) => void }) {
  const t = useT();
  const [form] = Form.useForm();
  return (
    <Form form={form} layout="inline" onFinish={(v: { delta: number; note: string }) => onAdjust(v, form)}>
      <Form.Item name="delta" rules={[{ required: true }]}>
        <InputNumber precision={0} placeholder="±" style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name="note" rules={[{ required: true }]}>
        <Input placeholder={t('repairConfig.adjustNote')} maxLength={500} />
      </Form.Item>
      <Button size="small" htmlType="submit" data-testid="stock-adjust">
        {t('common.save')}
      </Button>
    </Form>
  );
}

export default function StockPage() {
  const t = useT();
  const showError = useApiError();
  const { data: me } = useMe();
  const manage = me?.abilities.manageStock ?? false;
  const stock = useAllStockItems();
  const change = useRepairConfigChange((fn: () => Promise<unknown>) => fn());
  const run = (fn: () => Promise<unknown>, form?: FormInstance) =>
    change.mutate(fn, { onError: (e) => showError(e, form), onSuccess: () => form?.resetFields() });
  const [createForm] = Form.useForm();

  return (
    <Card title={t('stockPage.title')} data-testid="stock-page">
      <Flex vertical gap={12}>
        {manage ? (
          <Form
            form={createForm}
            layout="inline"
            style={{ rowGap: 8 }}
            onFinish={(v: { code: string; name: string; unit: string; quantityOnHand?: number }) =>
              run(() => repairConfigApi.createStockItem({ ...v, quantityOnHand: v.quantityOnHand ?? 0 }), createForm)
            }
          >
            <Form.Item name="code" rules={[{ required: true }]}>
              <Input placeholder={t('repairConfig.code')} maxLength={32} />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true }]}>
              <Input placeholder={t('repairConfig.name')} maxLength={200} />
            </Form.Item>
            <Form.Item name="unit" rules={[{ required: true }]}>
              <Input placeholder={t('repairConfig.unit')} maxLength={20} style={{ width: 80 }} />
            </Form.Item>
            <Form.Item name="quantityOnHand">
              <InputNumber min={0} precision={0} placeholder={t('repairConfig.onHand')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="stock-create">
              {t('common.create')}
            </Button>
          </Form>
        ) : (
          <Alert type="info" showIcon title={t('stockPage.readOnly')} />
        )}
        <Table<Row>
          rowKey="id"
          size="small"
          pagination={false}
          loading={stock.isFetching}
          dataSource={stock.data?.items}
          expandable={{
            expandedRowRender: (item) => <StockMovements stockItemId={item.id} unit={item.unit} />,
            expandRowByClick: false,
          }}
          columns={[
            { title: t('repairConfig.code'), dataIndex: 'code' },
            { title: t('repairConfig.name'), dataIndex: 'name' },
            { title: t('repairConfig.onHand'), dataIndex: 'quantityOnHand', render: (q: number, item) => `${q}${item.unit}` },
            {
              title: '',
              dataIndex: 'archived',
              render: (archived: boolean) => (archived ? <Tag>{t('config.archived')}</Tag> : <Tag color="green">{t('config.active')}</Tag>),
            },
            ...(manage
              ? [
                  {
                    title: t('repairConfig.adjust'),
                    key: 'adjust',
                    render: (_: unknown, item: Row) => (
                      <Flex gap={8} wrap align="center">
                        <AdjustForm onAdjust={(v, form) => run(() => repairConfigApi.adjustStock(item.id, v.delta, v.note), form)} />
                        <Button type="link" size="small" onClick={() => run(() => repairConfigApi.updateStockItem(item.id, { archived: !item.archived }))}>
                          {t(item.archived ? 'config.restore' : 'config.archive')}
                        </Button>
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}
