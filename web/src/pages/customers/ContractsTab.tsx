import { Table, Tag } from 'antd';
import type { Contract } from '../../api/customers';
import { useT } from '../../i18n';

const STATUS_COLORS = { active: 'green', expired: 'red', not_started: 'blue' } as const;

/** The customer's contracts and whether each is in force today. */
export function ContractsTab({ contracts }: { contracts: Contract[] }) {
  const t = useT();
  return (
    <Table<Contract>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={contracts.filter((contract) => !contract.archived)}
      columns={[
        { title: t('contract.number'), dataIndex: 'number' },
        { title: t('contract.startsOn'), dataIndex: 'startsOn' },
        { title: t('contract.endsOn'), dataIndex: 'endsOn' },
        {
          title: t('contract.status'),
          dataIndex: 'status',
          render: (status: Contract['status']) => <Tag color={STATUS_COLORS[status]}>{t(`contract.status.${status}`)}</Tag>,
        },
      ]}
    />
  );
}
