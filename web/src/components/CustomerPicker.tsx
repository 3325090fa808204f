/** Search-as-you-type customer choice (name, Chinese partial, or phone digits) for forms. */
import { Select } from 'antd';
import { useState } from 'react';
import { useCustomer, useCustomers } from '../api/customers';
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
  const listed = (customers.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.phones.length ? `${c.name} · ${c.phones[0]}` : c.name,
  }));
  // A customer chosen elsewhere (just created on the same form) is not in the search results yet.
  const missing = value !== undefined && !listed.some((o) => o.value === value);
  const chosen = useCustomer(missing ? value : undefined);
  const options =
    missing && chosen.data
      ? [{ value: chosen.data.id, label: chosen.data.phones.length ? `${chosen.data.name} · ${chosen.data.phones[0]}` : chosen.data.name }, ...listed]
      : listed;
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
      options={options}
      data-testid="customer-picker"
    />
  );
}
