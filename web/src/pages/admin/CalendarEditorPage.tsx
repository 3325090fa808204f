/**
 * 系统管理 › 工作日历 › one calendar: name, time zone, weekly hours, 调休 hours,
 * holidays and adjusted working days (edited here or imported), and a box to test
 * a due time. Edits are a draft until saved; the server checks the whole calendar.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  type CalendarDate,
  type CalendarView,
  useCalendar,
  useUpdateCalendar,
  type Weekday,
  type WeeklyHours,
  type WorkingInterval,
} from '../../api/calendars';
import { PageLoading } from '../../components/PageLoading';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { DatesTable } from './calendars/DatesTable';
import { DueTimeTester } from './calendars/DueTimeTester';
import { ImportDatesModal } from './calendars/ImportDatesModal';
import { WeeklyHoursEditor } from './calendars/WeeklyHoursEditor';

interface Draft {
  name: string;
  timeZone: string;
  weekly: WeeklyHours;
  workdayHours: WorkingInterval[] | null;
  dates: CalendarDate[];
}

const draftOf = (c: CalendarView): Draft => ({
  name: c.name,
  timeZone: c.timeZone,
  weekly: c.weekly,
  workdayHours: c.workdayHours,
  dates: c.dates,
});

function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes(current) ? zones : [current, ...zones];
  }, [current]);
}

export default function CalendarEditorPage() {
  const { id } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const calendar = useCalendar(id);
  const update = useUpdateCalendar();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const zones = useTimeZones(draft?.timeZone ?? 'Asia/Shanghai');

  useEffect(() => {
    if (calendar.data && draft === null) setDraft(draftOf(calendar.data));
  }, [calendar.data, draft]);

  if (calendar.error) return <Alert type="error" showIcon title={calendar.error.message} />;
  if (!calendar.data || !draft) return <PageLoading />;
  const saved = calendar.data;
  const dirty = JSON.stringify(draftOf(saved)) !== JSON.stringify(draft);
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const save = () =>
    update.mutate(
      { id: saved.id, ...draft, dates: draft.dates.filter((d) => d.date) },
      {
        onSuccess: (view) => {
          setDraft(draftOf(view));
          setProblems([]);
          message.success(t('common.saved'));
        },
        onError: (e) => {
          setProblems(e instanceof ApiError ? e.issues.map((i) => `${whereLabel(i.path)}: ${i.message}`) : []);
          showError(e);
        },
      },
    );

  // The server names the part of the calendar a problem is in ("weekly.1", "workdays.3", "timeZone").
  const whereLabel = (path: string): string => {
    const [part, index] = path.replace(/^body\./, '').split('.');
    if (part === 'weekly' && index !== undefined && /^[0-6]$/.test(index)) return t(`calendars.weekday.${Number(index) as Weekday}`);
    if (part === 'weekly') return t('calendars.weeklyHours');
    if (part === 'workdayHours') return t('calendars.workdayHours');
    if (part === 'timeZone') return t('calendars.timeZone');
    if (part === 'holidays' || part === 'workdays' || part === 'dates') return t('calendars.dates');
    return path;
  };

  const setFlag = (input: { isDefault?: true; archived?: boolean }) =>
    update.mutate(
      { id: saved.id, ...input },
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) },
    );

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space wrap>
            <Link to="/admin/calendars">
              <ArrowLeftOutlined /> {t('calendars.back')}
            </Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {saved.name}
            </Typography.Title>
            {saved.isDefault && <Tag color="blue">{t('calendars.default')}</Tag>}
            {saved.archived && <Tag>{t('calendars.archived')}</Tag>}
            {dirty && <Tag color="orange">{t('calendars.unsaved')}</Tag>}
          </Space>
          <Space wrap>
            {!saved.isDefault && !saved.archived && (
              <Button onClick={() => setFlag({ isDefault: true })} title={t('calendars.makeDefaultHint')}>
                {t('calendars.makeDefault')}
              </Button>
            )}
            {!saved.isDefault &&
              (saved.archived ? (
                <Button onClick={() => setFlag({ archived: false })}>{t('calendars.restore')}</Button>
              ) : (
                <Popconfirm title={t('calendars.archiveConfirm')} onConfirm={() => setFlag({ archived: true })}>
                  <Button danger>{t('calendars.archive')}</Button>
                </Popconfirm>
              ))}
            <Button type="primary" onClick={save} loading={update.isPending} disabled={!dirty} data-testid="calendar-save">
              {t('calendars.save')}
            </Button>
          </Space>
        </Flex>
        {problems.length > 0 && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={problems.map((p) => <div key={p}>{p}</div>)} />
        )}
      </Card>

      <Card title={t('calendars.basics')}>
        <Form layout="vertical" style={{ maxWidth: 480 }}>
          <Form.Item label={t('calendars.name')} required>
            <Input value={draft.name} maxLength={100} onChange={(e) => change({ name: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('calendars.timeZone')} required>
            <Select
              showSearch
              value={draft.timeZone}
              onChange={(timeZone) => change({ timeZone })}
              options={zones.map((zone) => ({ value: zone, label: zone }))}
              data-testid="calendar-time-zone"
            />
          </Form.Item>
        </Form>
      </Card>

      <Card title={t('calendars.weeklyHours')}>
        <WeeklyHoursEditor weekly={draft.weekly} workdayHours={draft.workdayHours} onChange={change} />
      </Card>

      <Card
        title={t('calendars.dates')}
        extra={
          <Button onClick={() => setImporting(true)} disabled={dirty} title={dirty ? t('calendars.unsaved') : undefined} data-testid="calendar-import">
            {t('calendars.import')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('calendars.datesHint')}</Typography.Paragraph>
        <DatesTable value={draft.dates} onChange={(dates) => change({ dates })} />
      </Card>

      <Card title={t('calendars.tester')}>
        <DueTimeTester calendarId={saved.id} timeZone={saved.timeZone} />
      </Card>

      <ImportDatesModal
        calendarId={saved.id}
        open={importing}
        onClose={(imported) => {
          setImporting(false);
          if (imported) setDraft(draftOf(imported));
        }}
      />
    </Flex>
  );
}
