/** My own duty schedule for the next two weeks (hidden when I am on no shift). */
import { Card, Flex, Typography } from 'antd';
import { useMyDuty } from '../../api/duty';
import { type MessageKey, useT } from '../../i18n';
import { timeIn, weekdayOf } from './week';

export function MyDutyCard() {
  const t = useT();
  const mine = useMyDuty(14);
  if (!mine.data?.length) return null;
  return (
    <Card size="small" title={t('duty.mySchedule')} data-testid="duty-my-schedule">
      <Flex vertical gap={4}>
        {mine.data.map((item) => (
          <Typography.Text key={`${item.shiftId}-${item.date}`}>
            {item.date} {t(`duty.weekday.${weekdayOf(item.date)}` as MessageKey)} · {item.teamName} · {item.shiftName} ({timeIn(item.startsAt, item.timeZone)}–
            {timeIn(item.endsAt, item.timeZone)})
          </Typography.Text>
        ))}
      </Flex>
    </Card>
  );
}
