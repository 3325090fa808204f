/**
 * 值班表: pick a team and a week; see who is on duty per shift and date and who is
 * on duty now; the team's lead, managers and admins add shifts, put people on
 * them (every week or for one date) and choose how new work is routed.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDutyTeams, useOnDutyTeam, useRoster } from '../../api/duty';
import { useT } from '../../i18n';
import { MyDutyCard } from './MyDutyCard';
import { OnDutyList } from './OnDutyCard';
import { RosterGrid } from './RosterGrid';
import { RoutingForm } from './RoutingForm';
import { ShiftModal } from './ShiftModal';
import { addDays, mondayOf, todayIn } from './week';

export default function DutyRosterPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const teams = useDutyTeams();
  const teamId = params.get('team') ?? teams.data?.[0]?.id;
  const thisWeek = mondayOf(todayIn('Asia/Shanghai'));
  const from = params.get('week') ?? thisWeek;
  const roster = useRoster(teamId, from);
  const onDuty = useOnDutyTeam(teamId);
  const [addingShift, setAddingShift] = useState(false);
  const go = (changes: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...(teamId ? { team: teamId } : {}), ...changes }));

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('duty.title')}
          </Typography.Title>
          <Space wrap>
            <Select
              style={{ minWidth: 180 }}
              value={teamId}
              aria-label={t('duty.team')}
              data-testid="duty-team"
              loading={teams.isLoading}
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              onChange={(team: string) => go({ team })}
            />
            <Button onClick={() => go({ week: addDays(from, -7) })}>{t('duty.prevWeek')}</Button>
            <Button onClick={() => go({ week: thisWeek })} disabled={from === thisWeek}>
              {t('duty.thisWeek')}
            </Button>
            <Button onClick={() => go({ week: addDays(from, 7) })}>{t('duty.nextWeek')}</Button>
          </Space>
        </Flex>
      </Card>
      {onDuty.data ? (
        <Card size="small" title={t('duty.onDutyNowTeam', { team: onDuty.data.teamName })} data-testid="duty-on-duty-now">
          <OnDutyList duty={onDuty.data} />
        </Card>
      ) : null}
      <MyDutyCard />
      {roster.data ? (
        <>
          <Card
            title={`${from} – ${addDays(from, 6)}`}
            extra={
              roster.data.canManage ? (
                <Button icon={<PlusOutlined />} onClick={() => setAddingShift(true)} data-testid="duty-add-shift">
                  {t('duty.addShift')}
                </Button>
              ) : null
            }
          >
            {roster.data.canManage ? null : <Alert type="info" showIcon title={t('duty.readOnly')} style={{ marginBottom: 12 }} />}
            <RosterGrid roster={roster.data} from={from} />
          </Card>
          <Card title={t('duty.routing')}>
            <RoutingForm routing={roster.data.routing} canManage={roster.data.canManage} />
          </Card>
        </>
      ) : null}
      {addingShift && teamId ? <ShiftModal teamId={teamId} shift={null} onClose={() => setAddingShift(false)} /> : null}
    </Flex>
  );
}
