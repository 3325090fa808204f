/** Working hours Monday to Sunday, and the hours of adjusted working days (调休上班). */
import { Button, Checkbox, Flex, Typography } from 'antd';
import { WEEKDAYS, type WeeklyHours, type WorkingInterval } from '../../../api/calendars';
import { useT } from '../../../i18n';
import { IntervalsEditor } from './IntervalsEditor';

interface Props {
  weekly: WeeklyHours;
  workdayHours: WorkingInterval[] | null;
  onChange: (change: { weekly?: WeeklyHours; workdayHours?: WorkingInterval[] | null }) => void;
}

export function WeeklyHoursEditor({ weekly, workdayHours, onChange }: Props) {
  const t = useT();
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('calendars.weeklyHint')}</Typography.Text>
      {WEEKDAYS.map((day) => (
        <Flex key={day} gap={12} align="center" wrap>
          <Typography.Text strong style={{ width: 72 }}>
            {t(`calendars.weekday.${day}`)}
          </Typography.Text>
          <IntervalsEditor value={weekly[day]} onChange={(hours) => onChange({ weekly: { ...weekly, [day]: hours } })} testId={`hours-${day}`} />
        </Flex>
      ))}
      <div>
        <Button
          size="small"
          onClick={() => onChange({ weekly: { ...weekly, 2: weekly[1], 3: weekly[1], 4: weekly[1], 5: weekly[1] } })}
        >
          {t('calendars.copyMonday')}
        </Button>
      </div>
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong>{t('calendars.workdayHours')}</Typography.Text>
        <Checkbox
          checked={workdayHours === null}
          onChange={(e) => onChange({ workdayHours: e.target.checked ? null : [...weekly[1]] })}
          data-testid="workday-same"
        >
          {t('calendars.workdayHoursSame')}
        </Checkbox>
        {workdayHours !== null && (
          <IntervalsEditor value={workdayHours} onChange={(hours) => onChange({ workdayHours: hours })} testId="hours-workday" />
        )}
      </Flex>
    </Flex>
  );
}
