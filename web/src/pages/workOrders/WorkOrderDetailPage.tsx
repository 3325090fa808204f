/** One work order: facts, next steps allowed by its workflow, replies and notes, and the timeline. */
import { Button, Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAssign, useTransition, useWorkOrder } from '../../api/workOrders';
import { NotFoundPage } from '../../auth/guards';
import { useCurrentUser } from '../../auth/useMe';
import { CustomFieldValues } from '../../components/CustomFields';
import { PageLoading } from '../../components/PageLoading';
import { useApiError } from '../../components/useApiError';
import { PriorityTag, StatusTag } from '../../components/WorkOrderTags';
import { useT } from '../../i18n';
import { ComplaintPanel } from '../complaints/ComplaintPanel';
import { RmaPanel } from '../returns/RmaPanel';
import { RepairPanel } from '../technician/RepairPanel';
import { AssignModal } from './AssignModal';
import { EditWorkOrderModal } from './EditWorkOrderModal';
import { Attachments } from './Attachments';
import { ReplyBox } from './ReplyBox';
import { SlaPanel } from './SlaPanel';
import { TagsAndCollaborators } from './TagsAndCollaborators';
import { Timeline } from './Timeline';

export default function WorkOrderDetailPage() {
  const t = useT();
  const me = useCurrentUser();
  const showError = useApiError();
  const { id } = useParams();
  const order = useWorkOrder(id);
  const transition = useTransition();
  const assign = useAssign();
  const [assigning, setAssigning] = useState(false);
  const [editing, setEditing] = useState(false);

  if (order.isPending) return <PageLoading />;
  if (!order.data) return <NotFoundPage />;
  const wo = order.data;
  const when = (at: string | null) => (at ? new Date(at).toLocaleString() : '');

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Flex vertical gap={16}>
          <Card>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Typography.Text type="secondary">{wo.number}</Typography.Text>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="work-order-title">
                {wo.subject}
              </Typography.Title>
              <Space wrap>
                <StatusTag name={wo.status.name} category={wo.status.category} />
                <PriorityTag priority={wo.priority} />
              </Space>
              {wo.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{wo.description}</Typography.Paragraph> : null}
              <Space wrap>
                {wo.abilities.transition
                  ? wo.allowedTransitions.map((status) => (
                      <Button
                        key={status.key}
                        loading={transition.isPending && transition.variables?.to === status.key}
                        onClick={() => transition.mutate({ id: wo.id, to: status.key }, { onError: (e) => showError(e) })}
                      >
                        {t('workOrder.transitionTo', { status: status.name })}
                      </Button>
                    ))
                  : null}
                {wo.abilities.assign && wo.assignee?.id !== me.id ? (
                  <Button onClick={() => assign.mutate({ id: wo.id, assigneeId: me.id }, { onError: (e) => showError(e) })}>
                    {t('workOrder.assignToMe')}
                  </Button>
                ) : null}
                {wo.abilities.assign ? <Button onClick={() => setAssigning(true)}>{t('workOrder.assign')}</Button> : null}
                {wo.abilities.edit ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
              </Space>
            </Space>
          </Card>
          {wo.type.key === 'complaint' ? <ComplaintPanel workOrderId={wo.id} /> : null}
          {wo.type.key === 'return' ? <RmaPanel workOrderId={wo.id} canCreate={wo.abilities.edit} asset={wo.asset} /> : null}
          {wo.type.key === 'repair' || wo.type.key === 'maintenance' ? <RepairPanel order={wo} /> : null}
          {wo.abilities.reply || wo.abilities.note ? <ReplyBox order={wo} /> : null}
          <Attachments order={wo} />
          <Card title={t('workOrder.timeline')}>
            <Timeline order={wo} />
          </Card>
        </Flex>
      </Col>
      <Col xs={24} lg={8}>
        <TagsAndCollaborators order={wo} />
        <Card style={{ marginTop: 16 }}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: '0', label: t('workOrder.customer'), children: <Link to={`/customers/${wo.customer.id}`}>{wo.customer.name}</Link> },
              { key: '1', label: t('workOrder.contact'), children: wo.contact?.name },
              { key: '2', label: t('workOrder.asset'), children: wo.asset?.name },
              { key: '3', label: t('workOrder.type'), children: wo.type.name },
              { key: '4', label: t('workOrder.channel'), children: t(`channel.${wo.channel}`) },
              { key: '5', label: t('workOrder.team'), children: wo.team?.name ?? t('workOrder.unassigned') },
              { key: '6', label: t('workOrder.assignee'), children: wo.assignee?.displayName ?? t('workOrder.unassigned') },
              { key: '7', label: t('workOrder.firstContact'), children: wo.firstContact?.displayName },
              { key: '8', label: t('workOrder.createdBy'), children: wo.createdBy?.displayName },
              { key: '9', label: t('workOrder.createdAt'), children: when(wo.createdAt) },
              { key: '10', label: t('workOrder.dueAt'), children: when(wo.dueAt) },
            ]}
          />
          <CustomFieldValues entity="work_order" values={wo.customFields} column={1} />
        </Card>
        {wo.abilities.seeInternal ? <SlaPanel workOrderId={wo.id} /> : null}
      </Col>
      {assigning ? <AssignModal order={wo} onClose={() => setAssigning(false)} /> : null}
      {editing ? <EditWorkOrderModal order={wo} onClose={() => setEditing(false)} /> : null}
    </Row>
  );
}
