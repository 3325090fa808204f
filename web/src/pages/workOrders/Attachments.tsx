/** A work order's files: image previews, download links, and upload (internal-only for staff if they choose). */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Image, Tag, Upload } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import type { WorkOrder } from '../../api/workOrders';
import { SimpleList } from '../../components/SimpleList';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  public: boolean;
  isImage: boolean;
  uploadedBy: { id: string; displayName: string };
  createdAt: string;
  url: string;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function Attachments({ order }: { order: WorkOrder }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [internal, setInternal] = useState(false);
  const key = ['workOrders', 'attachments', order.id];
  const attachments = useQuery({
    queryKey: key,
    queryFn: () => get<{ items: Attachment[] }>(`/work-orders/${order.id}/attachments`),
    select: (reply) => reply.items,
  });

  const upload = async (file: File) => {
    const form = new FormData();
    // The text field goes before the file, so the server reads it first.
    form.append('internal', internal ? 'true' : 'false');
    form.append('file', file, file.name);
    try {
      await post(`/work-orders/${order.id}/attachments`, form);
      message.success(t('attachment.uploaded', { name: file.name }));
      await queryClient.invalidateQueries({ queryKey: ['workOrders'] });
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card
      title={t('attachment.title')}
      extra={
        order.abilities.attach ? (
          <Flex gap={8} align="center">
            {order.abilities.seeInternal ? (
              <Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)}>
                {t('attachment.internal')}
              </Checkbox>
            ) : null}
            <Upload
              multiple
              showUploadList={false}
              customRequest={({ file, onSuccess }) => void upload(file as File).then(() => onSuccess?.(null))}
            >
              <Button icon={<UploadOutlined />} data-testid="attachment-upload">
                {t('attachment.upload')}
              </Button>
            </Upload>
          </Flex>
        ) : null
      }
    >
      <SimpleList<Attachment>
        loading={attachments.isFetching}
        items={attachments.data}
        rowKey={(a) => a.id}
        renderItem={(a) => (
          <Flex justify="space-between" align="center" gap={8}>
            <Flex gap={8} align="center" wrap>
              <PaperClipOutlined />
              <a href={a.url} download={a.filename}>
                {a.filename}
              </a>
              <span>{size(a.sizeBytes)}</span>
              {a.public ? null : <Tag>{t('workOrder.internal')}</Tag>}
              <span>{a.uploadedBy.displayName}</span>
            </Flex>
            {a.isImage ? <Image width={64} src={`${a.url}?inline=1`} alt={a.filename} /> : null}
          </Flex>
        )}
      />
    </Card>
  );
}
