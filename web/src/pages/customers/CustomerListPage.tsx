/** 客户档案: find customers by name, phone or email, see tier and completeness, create one. */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Flex, Input, Progress, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { exportCustomers } from '../../api/customerImport';
import { useCurrentUser } from '../../auth/useMe';
import { type CustomerFilter, type CustomerSummary, useCategorySets, useCustomers, useServiceTiers } from '../../api/customers';
import { useApiError } from '../../components/useApiError';
import { useLocalName } from '../../components/useLocalName';
import { useT } from '../../i18n';
import { CustomerFormModal } from './CustomerFormModal';
import { ImportCustomersModal } from './ImportCustomersModal';

export default function CustomerListPage() {
  const t = useT();
  const localName = useLocalName();
  const [filter, setFilter] = useState<CustomerFilter>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const showError = useApiError();
  const me = useCurrentUser();
  // Hidden buttons are a convenience: the server refuses regardless (import: who may create customers).
  const mayCreate = me.role === 'admin' || me.role === 'manager' || me.role === 'agent';
  const customers = useCustomers(filter);
  const tiers = useServiceTiers();
  const categorySets = useCategorySets();
  const [classes, setClasses] = useState<Record<string, string>>({});
  const pickClass = (setKey: string, option?: string) => {
    const next = { ...classes };
    if (option) next[setKey] = option;
    else delete next[setKey];
    setClasses(next);
    const pairs = Object.entries(next).map(([key, value]) => `${key}:${value}`);
    refine({ classification: pairs.length ? pairs.join(',') : undefined });
  };
  const refine = (change: Partial<CustomerFilter>) => setFilter((f) => ({ ...f, ...change, page: 1 }));

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('customers.title')}
        </Typography.Title>
        <Space wrap>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'xlsx', label: t('export.xlsx') },
                { key: 'csv', label: t('export.csv') },
              ],
              onClick: ({ key }) => exportCustomers(key as 'xlsx' | 'csv', filter).catch(showError),
            }}
          >
            <Button icon={<DownloadOutlined />} data-testid="customer-export">
              {t('export.button')}
            </Button>
          </Dropdown>
          {mayCreate ? (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="customer-import">
              {t('import.button')}
            </Button>
          ) : null}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-create">
            {t('customer.create')}
          </Button>
        </Space>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('customer.searchPlaceholder')}
          onSearch={(q) => refine({ q: q || undefined })}
          style={{ width: 260 }}
          data-testid="customer-search"
        />
        <Select
          allowClear
          placeholder={t('customer.tier')}
          style={{ width: 160 }}
          options={(tiers.data ?? []).map((tier) => ({ value: tier.key, label: localName(tier) }))}
          onChange={(tier?: string) => refine({ tier })}
        />
        {(categorySets.data ?? [])
          .filter((set) => !set.archived)
          .map((set) => (
            <Select
              key={set.key}
              allowClear
              placeholder={localName(set)}
              style={{ width: 140 }}
              value={classes[set.key]}
              options={set.options.filter((o) => !o.archived).map((o) => ({ value: o.key, label: localName(o) }))}
              onChange={(option?: string) => pickClass(set.key, option)}
              data-testid={`customer-filter-${set.key}`}
            />
          ))}
        <Space>
          <Switch size="small" onChange={(on) => refine({ archived: on ? 'all' : undefined })} />
          {t('customer.showArchived')}
        </Space>
      </Flex>
      <Table<CustomerSummary>
        rowKey="id"
        size="middle"
        loading={customers.isFetching}
        dataSource={customers.data?.items}
        scroll={{ x: 800 }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: customers.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        columns={[
          { title: t('customer.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/customers/${c.id}`}>{name}</Link> },
          { title: t('customer.phones'), dataIndex: 'phones', render: (phones: string[]) => phones.join(', ') },
          { title: t('customer.region'), key: 'region', render: (_, c) => [c.province, c.city, c.county].filter(Boolean).join(' ') },
          {
            title: t('customer.tier'),
            dataIndex: 'tier',
            render: (tier: CustomerSummary['tier']) => (tier ? <Tag>{localName(tier)}</Tag> : null),
          },
          {
            title: t('customer.completeness'),
            dataIndex: 'completeness',
            width: 160,
            render: (value: number) => <Progress percent={value} size="small" />,
          },
          {
            title: t('customer.status'),
            dataIndex: 'archived',
            render: (archived: boolean) =>
              archived ? <Tag>{t('customer.archived')}</Tag> : <Tag color="green">{t('customer.active')}</Tag>,
          },
        ]}
      />
      {creating ? <CustomerFormModal customer={null} onClose={() => setCreating(false)} /> : null}
      {importing ? <ImportCustomersModal onClose={() => setImporting(false)} /> : null}
    </Card>
  );
}
