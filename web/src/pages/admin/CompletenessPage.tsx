/** 系统管理 › 信息完整度: which customer fields count towards the completeness score. */
import { App, Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCompleteness, useCustomFields, useSetCompleteness } from '../../api/config';
import { useCategorySets } from '../../api/customers';
import { PageLoading } from '../../components/PageLoading';
import { useApiError } from '../../components/useApiError';
import { useLocalName } from '../../components/useLocalName';
import { type MessageKey, useT } from '../../i18n';

/** Built-in field names of the API → the labels the customer form uses. */
const BUILT_IN_LABELS: Record<string, MessageKey> = {
  name: 'customer.name',
  creditCode: 'customer.creditCode',
  province: 'customer.province',
  city: 'customer.city',
  county: 'customer.county',
  address: 'customer.address',
  phones: 'customer.phones',
  email: 'customer.email',
  notes: 'customer.notes',
  tier: 'customer.tier',
  contacts: 'customer.contacts',
  assets: 'customer.assets',
  contracts: 'customer.contracts',
};

export default function CompletenessPage() {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const showError = useApiError();
  const config = useCompleteness();
  const sets = useCategorySets();
  const fields = useCustomFields(false);
  const save = useSetCompleteness();
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => {
    if (config.data) setSelected(config.data.requiredFields);
  }, [config.data]);

  if (!config.data) return <PageLoading />;
  const groups: { title: MessageKey; options: { value: string; label: string }[] }[] = [
    {
      title: 'completeness.builtIn',
      options: config.data.builtInFields.map((key) => ({ value: key, label: BUILT_IN_LABELS[key] ? t(BUILT_IN_LABELS[key]) : key })),
    },
    {
      title: 'completeness.classification',
      options: (sets.data ?? []).map((set) => ({ value: `classification.${set.key}`, label: localName(set) })),
    },
    {
      title: 'completeness.custom',
      options: (fields.data ?? [])
        .filter((field) => field.entity === 'customer')
        .map((field) => ({ value: `custom.${field.key}`, label: localName({ name: field.label, nameEn: field.labelEn }) })),
    },
  ];

  return (
    <Card title={t('menu.admin.completeness')}>
      <Typography.Paragraph type="secondary">{t('completeness.hint')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        {groups.map((group) =>
          group.options.length ? (
            <div key={group.title}>
              <Typography.Title level={5}>{t(group.title)}</Typography.Title>
              <Checkbox.Group
                options={group.options}
                value={selected.filter((key) => group.options.some((option) => option.value === key))}
                onChange={(values) =>
                  setSelected((all) => [...all.filter((key) => !group.options.some((option) => option.value === key)), ...values])
                }
              />
            </div>
          ) : null,
        )}
        <div>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutate(selected, { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) })}
            data-testid="completeness-save"
          >
            {t('common.save')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
