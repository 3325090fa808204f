/**
 * The administrator's custom fields inside a form (as `customFields.<key>`) and
 * on a record's page. Values are plain text, numbers, ISO dates or option keys.
 */
import { Descriptions, Form, Input, InputNumber, Select } from 'antd';
import { type CustomField, type CustomFieldEntity, useCustomFields } from '../api/config';
import { useLocalName } from './useLocalName';

function useLabel() {
  const localName = useLocalName();
  return (item: { label: string; labelEn?: string }) => localName({ name: item.label, nameEn: item.labelEn });
}

/** Form.Item hands value, onChange and id to its direct child, so they are passed on to the input. */
function FieldInput({ field, ...control }: { field: CustomField; id?: string; value?: never; onChange?: never }) {
  const label = useLabel();
  switch (field.kind) {
    case 'number':
      return <InputNumber {...control} style={{ width: '100%' }} />;
    case 'date':
      return <Input {...control} type="date" />;
    case 'select':
      return <Select {...control} allowClear options={field.options.map((option) => ({ value: option.key, label: label(option) }))} />;
    default:
      return <Input {...control} maxLength={2000} />;
  }
}

export function CustomFieldInputs({ entity }: { entity: CustomFieldEntity }) {
  const label = useLabel();
  const fields = useCustomFields(false);
  return (
    <>
      {(fields.data ?? [])
        .filter((field) => field.entity === entity)
        .map((field) => (
          <Form.Item key={field.key} name={['customFields', field.key]} label={label(field)}>
            <FieldInput field={field} />
          </Form.Item>
        ))}
    </>
  );
}

/** Empty inputs become null, which the server reads as "remove this value". */
export function cleanCustomFields(values: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value === undefined || value === '' ? null : value]));
}

export function CustomFieldValues({
  entity,
  values,
  column,
}: {
  entity: CustomFieldEntity;
  values: Record<string, unknown>;
  column?: number;
}) {
  const label = useLabel();
  const fields = useCustomFields(false);
  const shown = (fields.data ?? []).filter((field) => field.entity === entity && values[field.key] !== undefined);
  if (!shown.length) return null;
  const display = (field: CustomField) => {
    const value = values[field.key];
    const option = field.kind === 'select' ? field.options.find((o) => o.key === value) : undefined;
    return option ? label(option) : String(value);
  };
  return (
    <Descriptions
      column={column ?? { xs: 1, md: 2, xl: 3 }}
      size="small"
      items={shown.map((field) => ({ key: field.key, label: label(field), children: display(field) }))}
    />
  );
}
