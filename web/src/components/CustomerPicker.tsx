/** Search-as-you-type customer choice (name, Chinese partial, or phone digits) for forms. */
import { Select } from 'antd';
import { useState } from 'react';
import { useCustomers } from '../api/customers';
import { useT } from '../i18n';

export function CustomerPicker({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (customerId: string | undefined) => void;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const customers = useCustomers({ q: q || undefined, page: 1, pageSize: 20 });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={t('workOrder.customerSearch')}
      loading={customers.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={null}
      options={(customers.data?.items ?? []).map((c) => ({
        value: c.id,
        label: c.phones.length ? `${c.name} · ${c.phones[0]}` : c.name,
      }))}
      data-testid="customer-picker"
    />
  );
}
