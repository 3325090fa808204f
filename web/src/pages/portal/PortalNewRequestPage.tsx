/**
 * A customer opens a work order: type, subject, description, optionally the
 * device concerned (from their own organisation's assets) and files. The
 * server fills in the organisation and channel. Files go up after the order
 * exists, one request each; the server decides size and type, and a refused
 * file is named on the request page without losing the request.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../../api/client';
import { uploadEach, useOwnAssets } from '../../api/portal';
import { useWorkOrderTypes } from '../../api/workOrders';
import { useCurrentUser } from '../../auth/useMe';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

interface RequestForm {
  typeKey: string;
  subject: string;
  description?: string;
  assetId?: string;
}

export default function PortalNewRequestPage() {
  const t = useT();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<RequestForm>();
  const types = useWorkOrderTypes();
  const assets = useOwnAssets(me.customerId);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (values: RequestForm) => {
    setBusy(true);
    try {
      const created = await post<{ id: string; number: string }>('/work-orders', values);
      message.success(t('portal.submitted', { number: created.number }));
      const picked = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
      const uploadFailures = picked.length ? await uploadEach(created.id, picked) : [];
      navigate(`/portal/work-orders/${created.id}`, { state: { uploadFailures } });
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('portal.newRequest')}>
      <Form<RequestForm> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="typeKey" label={t('workOrder.type')} rules={[{ required: true }]}>
          <Select
            data-testid="portal-type"
            options={(types.data ?? []).filter((type) => !type.archived).map((type) => ({ value: type.key, label: type.label }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('workOrder.subject')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="portal-subject" />
        </Form.Item>
        <Form.Item name="description" label={t('workOrder.description')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        {assets.data?.length ? (
          <Form.Item name="assetId" label={t('portalRequest.asset')}>
            <Select
              data-testid="portal-asset"
              allowClear
              placeholder={t('portalRequest.assetPlaceholder')}
              options={assets.data.map((a) => ({ value: a.id, label: [a.name, a.model, a.serial].filter(Boolean).join(' · ') }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('portalRequest.files')}>
          <Upload
            multiple
            fileList={files}
            // Held until the order exists; nothing is sent while the form is being filled in.
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />} data-testid="portal-files">
              {t('portalRequest.addFiles')}
            </Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="portal-submit">
          {t('portal.newRequest')}
        </Button>
      </Form>
    </Card>
  );
}
