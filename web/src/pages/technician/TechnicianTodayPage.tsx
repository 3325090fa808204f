/** The technician's day on a phone: today's visits in appointment order, each one tap from its visit page. */
import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTodayVisits } from '../../api/repairs';
import { SimpleList } from '../../components/SimpleList';
import { useT } from '../../i18n';
import { visitStatusKey } from './visitStatus';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export default function TechnicianTodayPage() {
  const t = useT();
  const visits = useTodayVisits();
  return (
    <Card title={t('technician.today')} data-testid="technician-today">
      <SimpleList
        loading={visits.isFetching}
        items={visits.data?.items}
        rowKey={(v) => v.visitId}
        pagination={false}
        renderItem={(v) => (
          <Link to={`/technician/${v.workOrderId}`} data-testid="technician-visit" style={{ display: 'block', color: 'inherit' }}>
            <Flex vertical gap={2}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{`${time(v.appointmentStart)}–${time(v.appointmentEnd)}`}</Typography.Text>
                <Tag>{t(visitStatusKey(v.status))}</Tag>
              </Flex>
              <Typography.Text>{v.customer.name}</Typography.Text>
              <Typography.Text type="secondary">{v.subject}</Typography.Text>
              {v.customer.address && (
                <Typography.Text type="secondary">
                  <EnvironmentOutlined /> {v.customer.address}
                </Typography.Text>
              )}
              {v.contact?.phone && (
                <Typography.Text type="secondary">
                  <PhoneOutlined /> {`${v.contact.name} ${v.contact.phone}`}
                </Typography.Text>
              )}
              {v.asset && <Typography.Text type="secondary">{`${v.asset.name} ${v.asset.model}`}</Typography.Text>}
            </Flex>
          </Link>
        )}
      />
    </Card>
  );
}
