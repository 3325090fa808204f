/** Who is on duty now, per team: in the workspace for my teams, and on the roster page for the chosen team. */
import { Card, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { type OnDuty, useOnDutyNow } from '../../api/duty';
import { useT } from '../../i18n';
import { timeIn } from './week';

export function OnDutyList({ duty }: { duty: OnDuty }) {
  const t = useT();
  if (!duty.people.length) return <Typography.Text type="secondary">{t('duty.nobodyOnDuty')}</Typography.Text>;
  return (
    <Space size={[8, 8]} wrap data-testid={`on-duty-${duty.teamName}`}>
      {duty.people.map((p) => (
        <Tag key={p.id} color="green">
          {p.displayName} · {p.shiftNames.join('、')} · {t('duty.until', { time: timeIn(p.until, duty.timeZone) })}
        </Tag>
      ))}
    </Space>
  );
}

/** The workspace card; hidden when none of my teams has shifts. */
export function OnDutyNowCard() {
  const t = useT();
  const duty = useOnDutyNow();
  if (!duty.data?.length) return null;
  return (
    <Card title={t('duty.onDutyNow')} extra={<Link to="/duty">{t('duty.title')}</Link>} data-testid="workspace-on-duty">
      <Flex vertical gap={8}>
        {duty.data.map((team) => (
          <Flex key={team.teamId} gap={12} align="baseline" wrap>
            <Typography.Text strong>{team.teamName}</Typography.Text>
            {team.routingMode !== 'off' ? <Tag>{t('duty.routingOn', { mode: t(`duty.mode.${team.routingMode}`) })}</Tag> : null}
            <OnDutyList duty={team} />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

