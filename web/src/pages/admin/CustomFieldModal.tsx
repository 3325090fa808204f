/** Define a custom field; its key, entity and kind are fixed once created (stored values depend on them). */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_KINDS, type CustomField, type CustomFieldEntity, useSaveCustomField } from '../../api/config';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

type FieldForm = Pick<CustomField, 'entity' | 'key' | 'label' | 'labelEn' | 'kind' | 'options'>;
const KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,49}$/;

export function CustomFieldModal({
  field,
  entity,
  onClose,
}: {
  field: CustomField | null;
  entity: CustomFieldEntity;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<FieldForm>();
  const save = useSaveCustomField();
  const kind = Form.useWatch('kind', form) ?? field?.kind;

  const submit = ({ entity: e, key, kind: k, ...rest }: FieldForm) => {
    const options = k === 'select' || field?.kind === 'select' ? (rest.options ?? []) : undefined;
    const body = field
      ? { id: field.id, label: rest.label, labelEn: rest.labelEn, options }
      : { entity: e, key, kind: k, ...rest, options };
    save.mutate(body, {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (error) => showError(error, form),
    });
  };

  return (
    <Modal
      open
      width={640}
      title={t(field ? 'customField.edit' : 'customField.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<FieldForm> form={form} layout="vertical" onFinish={submit} initialValues={field ?? { entity, kind: 'text', options: [] }}>
        <Form.Item name="entity" label={t('customField.entity')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(field)}
            options={CUSTOM_FIELD_ENTITIES.map((e) => ({ value: e, label: t(`customField.entity.${e}`) }))}
          />
        </Form.Item>
        <Form.Item name="key" label={t('config.key')} extra={t('config.keyHint')} rules={[{ required: true, pattern: KEY_PATTERN }]}>
          <Input disabled={Boolean(field)} data-testid="field-key" />
        </Form.Item>
        <Form.Item name="label" label={t('customField.label')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="field-label" />
        </Form.Item>
        <Form.Item name="labelEn" label={t('customField.labelEn')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('customField.kind')} rules={[{ required: true }]}>
          <Select disabled={Boolean(field)} options={CUSTOM_FIELD_KINDS.map((k) => ({ value: k, label: t(`customField.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'select' ? (
          <Form.Item label={t('customField.options')} required>
            <Form.List name="options">
              {(items, { add, remove }) => (
                <>
                  {items.map(({ key, name }) => (
                    <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[name, 'key']} rules={[{ required: true, pattern: KEY_PATTERN }]}>
                        <Input placeholder={t('customField.optionKey')} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[name, 'label']} rules={[{ required: true, max: 100 }]}>
                        <Input placeholder={t('customField.label')} style={{ width: 160 }} />
                      </Form.Item>
                      <Form.Item name={[name, 'labelEn']} rules={[{ max: 100 }]}>
                        <Input placeholder={t('customField.labelEn')} style={{ width: 160 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', label: '' })}>
                    {t('customField.addOption')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
