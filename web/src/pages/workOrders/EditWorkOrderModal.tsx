/** Correct a work order's subject, description, priority or custom fields. */
import { App, Form, Input, Modal, Radio } from 'antd';
import { PRIORITIES, type Priority, useUpdateWorkOrder, type WorkOrder } from '../../api/workOrders';
import { CustomFieldInputs, cleanCustomFields } from '../../components/CustomFields';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

interface EditForm {
  subject: string;
  description: string;
  priority: Priority;
  customFields?: Record<string, unknown>;
}

export function EditWorkOrderModal({ order, onClose }: { order: WorkOrder; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<EditForm>();
  const update = useUpdateWorkOrder();
  return (
    <Modal
      open
      width={640}
      title={t('common.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={{ subject: order.subject, description: order.description, priority: order.priority, customFields: order.customFields }}
        onFinish={({ customFields, ...values }) =>
          update.mutate(
            { id: order.id, ...values, customFields: cleanCustomFields(customFields) },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item name="subject" label={t('workOrder.subject')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="priority" label={t('workOrder.priority')}>
          <Radio.Group optionType="button" options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('workOrder.description')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <CustomFieldInputs entity="work_order" />
      </Form>
    </Modal>
  );
}
