/**
 * The bell in the header: unread count (kept live by the realtime connection,
 * which invalidates the notifications queries) and a panel with the latest
 * notifications. Opening one marks it read and goes to its work order.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type Notification, useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications';
import { useT } from '../i18n';
import { notificationDetail, notificationTitle } from './notificationText';

const PAGE_SIZE = 10;

function Item({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const t = useT();
  const unread = n.readAt === null;
  return (
    <button
      type="button"
      data-testid="notification-item"
      data-unread={unread}
      onClick={() => onOpen(n)}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        border: 0,
        borderBottom: '1px solid #f0f0f0',
        background: unread ? '#e6f4ff' : 'transparent',
        padding: '8px 12px',
        cursor: 'pointer',
      }}
    >
      <Typography.Text strong={unread}>{notificationTitle(t, n)}</Typography.Text>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
        {notificationDetail(t, n)}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {new Date(n.createdAt).toLocaleString()}
      </Typography.Text>
    </button>
  );
}

function Panel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const list = useNotifications({ unread: unreadOnly, page: 1, pageSize });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.items ?? [];

  const open = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    if (n.workOrderId) {
      onClose();
      navigate(`/work-orders/${n.workOrderId}`);
    }
  };

  return (
    <div style={{ width: 360, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-panel">
      <Flex justify="space-between" align="center" gap={8} style={{ padding: '4px 12px 8px' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Flex align="center" gap={6}>
          <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} data-testid="notification-unread-only" />
          <Typography.Text type="secondary">{t('notifications.unreadOnly')}</Typography.Text>
          <Button size="small" type="link" disabled={!list.data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notification-read-all">
            {t('notifications.markAllRead')}
          </Button>
        </Flex>
      </Flex>
      <Spin spinning={list.isFetching && !list.data}>
        <div style={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.length ? items.map((n) => <Item key={n.id} n={n} onOpen={open} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />}
          {list.data && list.data.total > items.length ? (
            <Button block type="text" onClick={() => setPageSize((s) => s + PAGE_SIZE)}>
              {t('notifications.more')}
            </Button>
          ) : null}
        </div>
      </Spin>
    </div>
  );
}

export function NotificationBell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount().data?.unread ?? 0;
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      // Mounted only while open: the list is fetched when looked at, the badge alone stays live.
      destroyOnHidden
      content={<Panel onClose={() => setOpen(false)} />}
      styles={{ container: { padding: '8px 0' } }}
    >
      <Button type="text" aria-label={t('notifications.bell')} data-testid="notification-bell">
        <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
