/**
 * The order's SLA clocks: target, due time and a countdown that ticks every
 * second. The countdown runs on the browser's clock corrected by the server's
 * (serverNow), so a skewed PC clock shows the same time left as the server sees.
 */
import { Card, Flex, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type SlaClockView, type SlaState, useOrderSla } from '../../api/sla';
import { type MessageKey, useT } from '../../i18n';

const STATE_COLOR: Record<SlaState, string> = { running: 'processing', paused: 'default', met: 'success', breached: 'error' };

/** 1 s ticks, for countdowns. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** 1 天 02:03:04 / 02:03:04 */
export function clockText(ms: number, dayLabel: (n: number) => string): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days ? `${dayLabel(days)} ${hms}` : hms;
}

export function useDuration() {
  const t = useT();
  return (seconds: number) => {
    if (seconds % 86400 === 0) return t('sla.days', { n: seconds / 86400 });
    if (seconds % 3600 === 0) return t('sla.hours', { n: seconds / 3600 });
    if (seconds % 60 === 0) return t('sla.minutes', { n: seconds / 60 });
    return t('sla.seconds', { n: seconds });
  };
}

function ClockRow({ clock, now }: { clock: SlaClockView; now: number }) {
  const t = useT();
  const duration = useDuration();
  const when = (at: string) => new Date(at).toLocaleString();
  const days = (n: number) => t('sla.days', { n });
  const left = clock.dueAt && !clock.stoppedAt ? new Date(clock.dueAt).getTime() - now : null;
  // Past due before the server's timer has run: already late for the user.
  const state: SlaState = clock.state === 'running' && left !== null && left < 0 ? 'breached' : clock.state;
  return (
    <Flex vertical gap={2} data-testid={`sla-clock-${clock.clock}`} data-state={state}>
      <Flex justify="space-between" align="center" wrap gap={4}>
        <Typography.Text strong>{t(`sla.clock.${clock.clock}` as MessageKey)}</Typography.Text>
        <Tag color={STATE_COLOR[state]} data-testid={`sla-state-${clock.clock}`}>
          {t(`sla.state.${state}` as MessageKey)}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('sla.target', { duration: duration(clock.targetSeconds) })} · {t(`sla.mode.${clock.mode}` as MessageKey)}
        {clock.dueAt ? ` · ${t('sla.due', { at: when(clock.dueAt) })}` : ''}
      </Typography.Text>
      {left !== null ? (
        <Typography.Text type={left < 0 ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`sla-countdown-${clock.clock}`}>
          {left >= 0 ? t('sla.left', { time: clockText(left, days) }) : t('sla.over', { time: clockText(left, days) })}
        </Typography.Text>
      ) : null}
      {clock.pausedSince && !clock.stoppedAt ? <Typography.Text type="secondary">{t('sla.pausedHint')}</Typography.Text> : null}
      {clock.stoppedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sla.metAt', { at: when(clock.stoppedAt) })}
        </Typography.Text>
      ) : null}
      {clock.breachedAt ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('sla.breachedAt', { at: when(clock.breachedAt) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

export function SlaPanel({ workOrderId }: { workOrderId: string }) {
  const t = useT();
  const sla = useOrderSla(workOrderId);
  const browserNow = useNow();
  if (!sla.data) return null;
  const now = browserNow + sla.data.skewMs;
  return (
    <Card size="small" title={t('sla.panel.title')} data-testid="sla-panel" style={{ marginTop: 16 }}>
      {sla.data.policy ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('sla.panel.policy', { name: sla.data.policy.name })}</Typography.Text>
          {sla.data.clocks.map((clock) => (
            <ClockRow key={clock.clock} clock={clock} now={now} />
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('sla.panel.none')}</Typography.Text>
      )}
    </Card>
  );
}
