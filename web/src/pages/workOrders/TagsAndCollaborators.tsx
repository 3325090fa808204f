/** A work order's tags (free words) and collaborators (staff who help), edited in place by those who may edit it. */
import { App, Card, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useStaffOptions } from '../../api/identity';
import { useSetCollaborators, useUpdateWorkOrder, type WorkOrder } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 30;

export function TagsAndCollaborators({ order }: { order: WorkOrder }) {
  const t = useT();
  const showError = useApiError();
  const { message } = App.useApp();
  const update = useUpdateWorkOrder();
  const setCollaborators = useSetCollaborators();
  const [staffQuery, setStaffQuery] = useState('');
  const staff = useStaffOptions(staffQuery);
  const editable = order.abilities.edit;

  const saveTags = (tags: string[]) => {
    const clean = [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
    if (clean.length > MAX_TAGS || clean.some((tag) => tag.length > MAX_TAG_LENGTH)) {
      message.error(t('workOrder.tagsLimit', { max: MAX_TAGS, length: MAX_TAG_LENGTH }));
      return;
    }
    update.mutate({ id: order.id, tags: clean }, { onError: (e) => showError(e) });
  };
  // Current collaborators stay labelled even when the search does not list them.
  const options = new Map(order.collaborators.map((p) => [p.id, p.displayName]));
  for (const user of staff.data ?? []) options.set(user.id, user.displayName);

  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <div>
          <Typography.Text type="secondary">{t('workOrder.tags')}</Typography.Text>
          {editable ? (
            <Select
              mode="tags"
              style={{ width: '100%' }}
              value={order.tags}
              loading={update.isPending}
              tokenSeparators={[',', '，']}
              placeholder={t('workOrder.tagsPlaceholder')}
              onChange={saveTags}
              data-testid="work-order-tags"
            />
          ) : (
            <div>{order.tags.length ? order.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}</div>
          )}
        </div>
        <div>
          <Typography.Text type="secondary">{t('workOrder.collaborators')}</Typography.Text>
          {editable ? (
            <Select
              mode="multiple"
              style={{ width: '100%' }}
              value={order.collaborators.map((p) => p.id)}
              loading={setCollaborators.isPending}
              showSearch={{ filterOption: false, onSearch: setStaffQuery }}
              placeholder={t('workOrder.collaboratorsPlaceholder')}
              options={[...options].map(([value, label]) => ({ value, label }))}
              onChange={(userIds: string[]) => setCollaborators.mutate({ id: order.id, userIds }, { onError: (e) => showError(e) })}
              data-testid="work-order-collaborators"
            />
          ) : (
            <div>{order.collaborators.map((p) => p.displayName).join('、') || '—'}</div>
          )}
        </div>
      </Flex>
    </Card>
  );
}
