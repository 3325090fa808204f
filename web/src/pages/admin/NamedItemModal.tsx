/** Create or rename a keyed, bilingual configuration item (a classification dimension, an option, a tier). */
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useApiError } from '../../components/useApiError';
import { type MessageKey, useT } from '../../i18n';

export interface NamedValues {
  key: string;
  name: string;
  nameEn?: string;
  rank?: number;
}

export function NamedItemModal({
  title,
  item,
  withRank = false,
  save,
  onClose,
}: {
  title: MessageKey;
  item: NamedValues | null;
  withRank?: boolean;
  save: (values: NamedValues, isNew: boolean) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<NamedValues>();

  const submit = async (values: NamedValues) => {
    try {
      await save({ ...values, key: item?.key ?? values.key }, item === null);
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      showError(error, form);
    }
  };

  return (
    <Modal
      open
      title={t(title)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NamedValues> form={form} layout="vertical" onFinish={submit} initialValues={item ?? {}} data-testid="named-item-form">
        {item ? null : (
          <Form.Item
            name="key"
            label={t('config.key')}
            extra={t('config.keyHint')}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,49}$/ }]}
          >
            <Input data-testid="named-item-key" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('config.name')} rules={[{ required: true, max: 50 }]}>
          <Input data-testid="named-item-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('config.nameEn')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        {withRank ? (
          <Form.Item name="rank" label={t('tier.rank')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
