/** One condition: field, operator, and a value input typed by the field. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { CONDITION_FIELDS, type Condition, type ConditionField, opsOf } from '../../../api/automation';
import { useT } from '../../../i18n';
import type { Option, RuleOptions } from './useRuleOptions';

/** A fresh condition of a field, with its first operator and an empty value. */
export function newCondition(field: ConditionField): Condition {
  const op = opsOf(field)[0]!;
  if (op === 'contains') return { field, op, value: '' };
  if (op === 'is') return { field, op, value: 'customer' };
  if (field === 'classification') return { field, op, setKey: '', values: [] };
  return { field, op, values: [] };
}

function listOptions(field: ConditionField, options: RuleOptions, setKey?: string): Option[] {
  switch (field) {
    case 'type':
      return options.types;
    case 'priority':
      return options.priorities;
    case 'channel':
      return options.channels;
    case 'status':
      return options.statuses;
    case 'statusCategory':
      return options.statusCategories;
    case 'customerTier':
      return options.tiers;
    case 'team':
      return options.teams;
    case 'assignee':
      return options.users;
    case 'classification':
      return options.classificationSets.find((s) => s.value === setKey)?.options ?? [];
    default:
      return [];
  }
}

export function ConditionRow(props: { index: number; value: Condition; options: RuleOptions; onChange: (c: Condition) => void; onRemove: () => void }) {
  const t = useT();
  const { value: c, index, options, onChange } = props;
  const needsList = c.op === 'in' || c.op === 'notIn';
  return (
    <Flex gap={8} wrap align="center" data-testid={`rule-condition-${index}`}>
      <Select
        style={{ width: 150 }}
        virtual={false}
        listHeight={400}
        value={c.field}
        onChange={(field: ConditionField) => onChange(newCondition(field))}
        options={CONDITION_FIELDS.map((f) => ({ value: f, label: t(`automation.field.${f}`) }))}
        data-testid={`rule-condition-field-${index}`}
      />
      {c.field === 'classification' && (
        <Select
          style={{ width: 140 }}
          value={c.setKey || undefined}
          onChange={(setKey: string) => onChange({ ...c, setKey, values: [] })}
          options={options.classificationSets.map(({ value, label }) => ({ value, label }))}
          aria-label={t('automation.field.classification')}
        />
      )}
      <Select
        style={{ width: 110 }}
        value={c.op}
        onChange={(op) => onChange({ ...c, op })}
        options={opsOf(c.field).map((op) => ({ value: op, label: t(`automation.op.${op}`) }))}
        data-testid={`rule-condition-op-${index}`}
      />
      {needsList && (
        <Select
          mode={c.field === 'status' ? 'tags' : 'multiple'}
          style={{ flex: 1, minWidth: 200 }}
          value={c.values ?? []}
          onChange={(values: string[]) => onChange({ ...c, values })}
          options={listOptions(c.field, options, c.setKey)}
          optionFilterProp="label"
          placeholder={t('automation.valueRequired')}
          data-testid={`rule-condition-values-${index}`}
        />
      )}
      {(c.op === 'contains' || c.op === 'notContains') && (
        <Input style={{ flex: 1, minWidth: 200 }} value={c.value ?? ''} onChange={(e) => onChange({ ...c, value: e.target.value })} maxLength={200} data-testid={`rule-condition-value-${index}`} />
      )}
      {c.op === 'is' && (
        <Select
          style={{ width: 160 }}
          value={c.value}
          onChange={(value: string) => onChange({ ...c, value })}
          options={(['customer', 'staff'] as const).map((v) => ({ value: v, label: t(`automation.createdBy.${v}`) }))}
        />
      )}
      <Button icon={<DeleteOutlined />} aria-label={t('automation.remove')} onClick={props.onRemove} />
    </Flex>
  );
}

/** The condition as the API takes it (only the keys its operator uses). */
export function toConditionInput(c: Condition): Condition {
  if (c.op === 'isEmpty' || c.op === 'isNotEmpty') return { field: c.field, op: c.op };
  if (c.op === 'contains' || c.op === 'notContains' || c.op === 'is') return { field: c.field, op: c.op, value: c.value ?? '' };
  return c.field === 'classification'
    ? { field: c.field, setKey: c.setKey ?? '', op: c.op, values: c.values ?? [] }
    : { field: c.field, op: c.op, values: c.values ?? [] };
}
