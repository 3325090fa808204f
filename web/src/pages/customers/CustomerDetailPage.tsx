/** Customer 360 (客户档案): profile, contacts, assets, contracts and work orders of one customer. */
import { Button, Card, Descriptions, Flex, Popconfirm, Progress, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useArchiveCustomer, useCustomer } from '../../api/customers';
import { CustomFieldValues } from '../../components/CustomFields';
import { PageLoading } from '../../components/PageLoading';
import { useApiError } from '../../components/useApiError';
import { useLocalName } from '../../components/useLocalName';
import { NotFoundPage } from '../../auth/guards';
import { useT } from '../../i18n';
import { AssetsTab } from './AssetsTab';
import { AuditTab } from './AuditTab';
import { ContactsTab } from './ContactsTab';
import { ContractsTab } from './ContractsTab';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomerWorkOrdersTab } from './CustomerWorkOrdersTab';
import { PortalAccountsTab } from './PortalAccountsTab';

export default function CustomerDetailPage() {
  const t = useT();
  const localName = useLocalName();
  const showError = useApiError();
  const { id } = useParams();
  const customer = useCustomer(id);
  const archive = useArchiveCustomer();
  const [editing, setEditing] = useState(false);

  if (customer.isPending) return <PageLoading />;
  if (!customer.data) return <NotFoundPage />;
  const c = customer.data;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={8}>
          <Space orientation="vertical" size={4}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-title">
              {c.name}
            </Typography.Title>
            <Space wrap size={4}>
              {c.tier ? <Tag color="gold">{localName(c.tier)}</Tag> : null}
              {c.classificationNames.map((item) => (
                <Tag key={item.setKey}>{`${item.setName}: ${localName(item.option)}`}</Tag>
              ))}
              {c.archived ? <Tag>{t('customer.archived')}</Tag> : null}
            </Space>
          </Space>
          <Space wrap>
            {c.archived ? null : (
              <Link to={`/work-orders/new?customerId=${c.id}`}>
                <Button type="primary">{t('workOrder.create')}</Button>
              </Link>
            )}
            {c.abilities.edit ? (
              <Button onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {c.abilities.archive ? (
              c.archived ? (
                <Button onClick={() => archive.mutate({ id: c.id, archived: false }, { onError: (e) => showError(e) })}>
                  {t('customer.restore')}
                </Button>
              ) : (
                <Popconfirm
                  title={t('customer.archiveConfirm', { name: c.name })}
                  onConfirm={() => archive.mutate({ id: c.id, archived: true }, { onError: (e) => showError(e) })}
                >
                  <Button danger>{t('customer.archive')}</Button>
                </Popconfirm>
              )
            ) : null}
          </Space>
        </Flex>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          style={{ marginTop: 16 }}
          items={[
            { key: '0', label: t('customer.phones'), children: c.phones.join(', ') },
            { key: '1', label: t('customer.email'), children: c.email },
            { key: '2', label: t('customer.region'), children: [c.province, c.city, c.county].filter(Boolean).join(' ') },
            { key: '3', label: t('customer.address'), children: c.address },
            { key: '4', label: t('customer.creditCode'), children: c.creditCode },
            {
              key: '5',
              label: t('customer.completeness'),
              children: <Progress percent={c.completeness} size="small" style={{ width: 160 }} />,
            },
            ...(c.notes
              ? [
                  {
                    key: 'notes',
                    label: t('customer.notes'),
                    span: 'filled' as const,
                    children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.notes}</Typography.Paragraph>,
                  },
                ]
              : []),
          ]}
        />
        <CustomFieldValues entity="customer" values={c.customFields} />
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'contacts', label: t('customer.contacts'), children: <ContactsTab customer={c} /> },
            { key: 'assets', label: t('customer.assets'), children: <AssetsTab customer={c} /> },
            { key: 'contracts', label: t('customer.contracts'), children: <ContractsTab customer={c} /> },
            { key: 'workOrders', label: t('customer.workOrders'), children: <CustomerWorkOrdersTab customerId={c.id} /> },
            // The server says who may open portal accounts (and refuses others regardless).
            ...(c.abilities.managePortalAccounts
              ? [{ key: 'portal', label: t('customer.portalAccounts'), children: <PortalAccountsTab customer={c} /> }]
              : []),
            ...(c.abilities.seeAudit ? [{ key: 'audit', label: t('customer.audit'), children: <AuditTab customerId={c.id} /> }] : []),
          ]}
        />
      </Card>
      {editing ? <CustomerFormModal customer={c} onClose={() => setEditing(false)} /> : null}
    </Flex>
  );
}
