/** Write to the customer, or leave an internal note only staff can see. */
import { App, Button, Card, Flex, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useReply, type WorkOrder } from '../../api/workOrders';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function ReplyBox({ order }: { order: WorkOrder }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const reply = useReply();
  const [internal, setInternal] = useState(!order.abilities.reply);
  const [body, setBody] = useState('');
  const kinds = [
    ...(order.abilities.reply ? [{ value: 'reply', label: t('workOrder.reply') }] : []),
    ...(order.abilities.note ? [{ value: 'note', label: t('workOrder.note') }] : []),
  ];

  const send = () =>
    reply.mutate(
      { id: order.id, body, internal },
      {
        onSuccess: () => {
          setBody('');
          message.success(t('common.saved'));
        },
        onError: (e) => showError(e),
      },
    );

  return (
    <Card>
      <Flex vertical gap={8}>
        {/* Customers only reply, so they get no choice to make. */}
        {kinds.length > 1 ? (
          <Segmented value={internal ? 'note' : 'reply'} options={kinds} onChange={(kind) => setInternal(kind === 'note')} />
        ) : null}
        <Input.TextArea
          rows={3}
          maxLength={20000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder={t('workOrder.replyPlaceholder')}
          data-testid="reply-body"
        />
        <Flex justify="flex-end">
          <Button type="primary" disabled={!body.trim()} loading={reply.isPending} onClick={send} data-testid="reply-send">
            {t('workOrder.send')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
