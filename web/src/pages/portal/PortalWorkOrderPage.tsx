/** A customer's view of one work order: status, what they wrote, the device, the public conversation, and a reply box. */
import { Alert, Card, Flex, Space, Typography } from 'antd';
import { useLocation, useParams } from 'react-router';
import type { UploadFailure } from '../../api/portal';
import { useWorkOrder } from '../../api/workOrders';
import { NotFoundPage } from '../../auth/guards';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/WorkOrderTags';
import { useT } from '../../i18n';
import { ComplaintPanel } from '../complaints/ComplaintPanel';
import { RmaPanel } from '../returns/RmaPanel';
import { Attachments } from '../workOrders/Attachments';
import { ReplyBox } from '../workOrders/ReplyBox';
import { Timeline } from '../workOrders/Timeline';
import { PortalQuotePanel } from './PortalQuotePanel';

/** Work order types that run the repair process (the server's REPAIR_TYPES); others have no quote. */
const REPAIR_TYPES = ['repair', 'maintenance'];

export default function PortalWorkOrderPage() {
  const t = useT();
  const { id } = useParams();
  const order = useWorkOrder(id);
  // Files the new-request form could not upload, handed over when it navigated here.
  const uploadFailures = (useLocation().state as { uploadFailures?: UploadFailure[] } | null)?.uploadFailures ?? [];
  if (order.isPending) return <PageLoading />;
  if (!order.data) return <NotFoundPage />;
  const wo = order.data;
  return (
    <Flex vertical gap={16}>
      {uploadFailures.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="portal-upload-failures"
          title={t('portalRequest.uploadFailedTitle')}
          description={uploadFailures.map((f) => (
            // Most server messages already name the file.
            <div key={f.name}>{f.message.includes(f.name) ? f.message : t('portalRequest.uploadFailed', { name: f.name, reason: f.message })}</div>
          ))}
        />
      ) : null}
      <Card>
        <Space orientation="vertical" size={8}>
          <Typography.Text type="secondary">{wo.number}</Typography.Text>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="work-order-title">
            {wo.subject}
          </Typography.Title>
          <StatusTag name={wo.status.name} category={wo.status.category} />
          {wo.asset ? (
            <Typography.Text data-testid="portal-work-order-asset">
              {t('workOrder.asset')}：{wo.asset.name}
            </Typography.Text>
          ) : null}
          {wo.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{wo.description}</Typography.Paragraph> : null}
        </Space>
      </Card>
      {wo.type.key === 'complaint' ? <ComplaintPanel workOrderId={wo.id} /> : null}
      {wo.type.key === 'return' ? <RmaPanel workOrderId={wo.id} canCreate={false} asset={wo.asset} /> : null}
      {REPAIR_TYPES.includes(wo.type.key) ? <PortalQuotePanel workOrderId={wo.id} /> : null}
      {wo.abilities.reply ? <ReplyBox order={wo} /> : null}
      <Attachments order={wo} />
      <Card title={t('portal.conversation')}>
        <Timeline order={wo} />
      </Card>
    </Flex>
  );
}
