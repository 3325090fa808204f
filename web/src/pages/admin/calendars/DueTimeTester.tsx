/** "Test a due time": start on the calendar's wall clock + h/min/s of working time → the due moment. */
import { Button, Descriptions, Flex, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { type ComputeResult, computeDue } from '../../../api/calendars';
import { useApiError } from '../../../components/useApiError';
import { useT } from '../../../i18n';

export function DueTimeTester({ calendarId, timeZone }: { calendarId: string; timeZone: string }) {
  const t = useT();
  const showError = useApiError();
  const [start, setStart] = useState('');
  const [hours, setHours] = useState<number | null>(8);
  const [minutes, setMinutes] = useState<number | null>(0);
  const [seconds, setSeconds] = useState<number | null>(0);
  const [result, setResult] = useState<ComputeResult | null>(null);
  const [busy, setBusy] = useState(false);

  const total = (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0);

  const run = async () => {
    setBusy(true);
    try {
      setResult(await computeDue(calendarId, start, total));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('calendars.testerHint')}</Typography.Text>
      <Space wrap align="end">
        <Flex vertical>
          <Typography.Text>{t('calendars.testerStart')}</Typography.Text>
          <Input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} data-testid="tester-start" />
        </Flex>
        <Flex vertical>
          <Typography.Text>{t('calendars.testerDuration')}</Typography.Text>
          <Space.Compact>
            <InputNumber min={0} max={8784} value={hours} onChange={setHours} suffix={t('calendars.hours')} data-testid="tester-hours" />
            <InputNumber min={0} max={59} value={minutes} onChange={setMinutes} suffix={t('calendars.minutes')} data-testid="tester-minutes" />
            <InputNumber min={0} max={59} value={seconds} onChange={setSeconds} suffix={t('calendars.seconds')} data-testid="tester-seconds" />
          </Space.Compact>
        </Flex>
        <Button type="primary" onClick={run} loading={busy} disabled={!start} data-testid="tester-compute">
          {t('calendars.compute')}
        </Button>
      </Space>
      {result && (
        <Descriptions size="small" column={1} bordered data-testid="tester-result">
          <Descriptions.Item label={t('calendars.dueLabel')}>
            <span data-testid="tester-due">{t('calendars.localTime', { time: result.local.dueAt, zone: timeZone })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('calendars.countingFromLabel')}>
            {t('calendars.localTime', { time: result.local.countingFrom, zone: timeZone })}
          </Descriptions.Item>
          <Descriptions.Item label="UTC">{result.dueAt}</Descriptions.Item>
          <Descriptions.Item label={t('calendars.elapsedLabel')}>{t('calendars.elapsed', { hours: (result.calendarSeconds / 3600).toFixed(1) })}</Descriptions.Item>
        </Descriptions>
      )}
    </Flex>
  );
}
