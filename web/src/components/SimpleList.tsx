/**
 * A plain vertical list with optional paging, for phone layouts and short lists
 * (antd 6 deprecates its List; Listy is a virtual list for long scrolling ones).
 */
import { Empty, Flex, Pagination, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

export interface SimplePaging {
  current?: number;
  pageSize?: number;
  total?: number;
  onChange?: (page: number, pageSize: number) => void;
}

export function SimpleList<T>({
  items,
  loading = false,
  rowKey,
  renderItem,
  pagination,
}: {
  items: T[] | undefined;
  loading?: boolean;
  rowKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  pagination?: SimplePaging | false;
}) {
  const t = useT();
  const list = items ?? [];
  const paged = pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 10);
  return (
    <Spin spinning={loading}>
      {list.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <Flex vertical>
          {list.map((item) => (
            <div key={rowKey(item)} style={{ padding: '12px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
              {renderItem(item)}
            </div>
          ))}
        </Flex>
      )}
      {paged ? (
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Pagination size="small" {...pagination} showSizeChanger={false} />
        </Flex>
      ) : null}
    </Spin>
  );
}
