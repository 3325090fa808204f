/** A time limit entered as hours, minutes and seconds; the value is whole seconds (what the API stores). */
import { InputNumber, Space } from 'antd';
import { useT } from '../../../i18n';

interface Props {
  value?: number;
  onChange?: (seconds: number) => void;
  testId?: string;
}

export function DurationInput({ value = 0, onChange, testId }: Props) {
  const t = useT();
  const h = Math.floor(value / 3600);
  const m = Math.floor((value % 3600) / 60);
  const s = value % 60;
  const set = (next: { h?: number | null; m?: number | null; s?: number | null }) =>
    onChange?.((next.h ?? h) * 3600 + (next.m ?? m) * 60 + (next.s ?? s));
  return (
    <Space.Compact>
      <InputNumber min={0} max={8784} precision={0} value={h} onChange={(v) => set({ h: v ?? 0 })} suffix={t('slaPolicies.hours')} style={{ width: 100 }} data-testid={testId && `${testId}-h`} />
      <InputNumber min={0} max={59} precision={0} value={m} onChange={(v) => set({ m: v ?? 0 })} suffix={t('slaPolicies.minutes')} style={{ width: 90 }} data-testid={testId && `${testId}-m`} />
      <InputNumber min={0} max={59} precision={0} value={s} onChange={(v) => set({ s: v ?? 0 })} suffix={t('slaPolicies.seconds')} style={{ width: 90 }} data-testid={testId && `${testId}-s`} />
    </Space.Compact>
  );
}

/** "1 h 30 min", "60 s": a limit for a table cell. */
export function formatDuration(seconds: number, t: ReturnType<typeof useT>): string {
  const parts: string[] = [];
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) parts.push(`${h}${t('slaPolicies.hours')}`);
  if (m) parts.push(`${m}${t('slaPolicies.minutes')}`);
  if (s || parts.length === 0) parts.push(`${s}${t('slaPolicies.seconds')}`);
  return parts.join(' ');
}
