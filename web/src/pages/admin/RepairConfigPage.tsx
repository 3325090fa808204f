/** 系统管理 › 收费标准: the paid-service price list (administrators). The stock has its own page (pages/stock), open to all staff. */
import { Button, Card, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { parseYuan, repairConfigApi, useAllPriceItems, useRepairConfigChange, yuan } from '../../api/repairs';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

const CATEGORIES = ['labour', 'parts', 'travel', 'other'] as const;

export default function RepairConfigPage() {
  const t = useT();
  const showError = useApiError();
  const prices = useAllPriceItems();
  const change = useRepairConfigChange((fn: () => Promise<unknown>) => fn());
  const run = (fn: () => Promise<unknown>, form?: ReturnType<typeof Form.useForm>[0]) =>
    change.mutate(fn, { onError: (e) => showError(e, form), onSuccess: () => form?.resetFields() });
  const [priceForm] = Form.useForm();
  const archivedTag = (archived: boolean) => (archived ? <Tag>{t('config.archived')}</Tag> : <Tag color="green">{t('config.active')}</Tag>);

  return (
    <Flex vertical gap={16}>
      <Card title={t('repairConfig.priceList')}>
        <Form
          form={priceForm}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          onFinish={(v: { code: string; name: string; unit: string; price: string; category: string }) => {
            const priceCents = parseYuan(v.price);
            if (priceCents === null) {
              priceForm.setFields([{ name: 'price', errors: [t('repairConfig.priceInvalid')] }]);
              return;
            }
            run(() => repairConfigApi.createPriceItem({ code: v.code, name: v.name, unit: v.unit, priceCents, category: v.category }), priceForm);
          }}
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
          <Form.Item name="price" rules={[{ required: true }]}>
            <Input placeholder={t('repairConfig.price')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="category" initialValue="labour">
            <Select style={{ width: 120 }} options={CATEGORIES.map((c) => ({ value: c, label: t(`repairConfig.category.${c}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="price-create">
            {t('common.create')}
          </Button>
        </Form>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={prices.isFetching}
          dataSource={prices.data?.items}
          columns={[
            { title: t('repairConfig.code'), dataIndex: 'code' },
            { title: t('repairConfig.name'), dataIndex: 'name' },
            { title: t('repairConfig.unit'), dataIndex: 'unit' },
            { title: t('repairConfig.price'), dataIndex: 'priceCents', render: (v: number) => yuan(v) },
            { title: t('repairConfig.categoryLabel'), dataIndex: 'category', render: (c: (typeof CATEGORIES)[number]) => t(`repairConfig.category.${c}`) },
            { title: '', dataIndex: 'archived', render: archivedTag },
            {
              title: '',
              key: 'actions',
              render: (_, item) => (
                <Button type="link" size="small" onClick={() => run(() => repairConfigApi.updatePriceItem(item.id, { archived: !item.archived }))}>
                  {t(item.archived ? 'config.restore' : 'config.archive')}
                </Button>
              ),
            },
          ]}
        />
      </Card>

    </Flex>
  );
}
