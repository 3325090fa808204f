/**
 * Import holidays and 调休 into a saved calendar: paste or pick a file, or load a
 * shipped year of the Chinese schedule; a preview shows per-line errors and what
 * would change, and only then can the import be applied.
 */
import { Alert, App, Button, Flex, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type CalendarView,
  type ImportPreview,
  type ImportSource,
  previewImport,
  useImportDates,
  useShippedHolidays,
} from '../../../api/calendars';
import { useApiError } from '../../../components/useApiError';
import { useT } from '../../../i18n';

interface Props {
  calendarId: string;
  open: boolean;
  onClose: (imported?: CalendarView) => void;
}

export function ImportDatesModal({ calendarId, open, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const shipped = useShippedHolidays();
  const apply = useImportDates();
  const [text, setText] = useState('');
  const [shippedYear, setShippedYear] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);

  const source: ImportSource = shippedYear !== null ? { shippedYear } : { text };

  const edit = (value: string) => {
    setText(value);
    setShippedYear(null);
    setPreview(null);
  };

  const loadShipped = (year: number, yearText: string) => {
    setText(yearText);
    setShippedYear(year);
    setPreview(null);
  };

  const pickFile = async (file: File | undefined) => {
    if (file) edit(await file.text());
  };

  const runPreview = async () => {
    setPreviewing(true);
    try {
      setPreview(await previewImport(calendarId, source));
    } catch (e) {
      showError(e);
    } finally {
      setPreviewing(false);
    }
  };

  const runApply = () =>
    apply.mutate(
      { id: calendarId, source },
      {
        onSuccess: (calendar) => {
          message.success(t('calendars.imported'));
          setText('');
          setShippedYear(null);
          setPreview(null);
          onClose(calendar);
        },
        onError: (e) => showError(e),
      },
    );

  const nothing = preview?.ok && preview.added.length + preview.changed.length === 0;

  return (
    <Modal
      open={open}
      title={t('calendars.importTitle')}
      width={720}
      onCancel={() => onClose()}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button onClick={runPreview} loading={previewing} disabled={!text.trim()} data-testid="import-preview">
            {t('calendars.preview')}
          </Button>
          <Button type="primary" onClick={runApply} loading={apply.isPending} disabled={!preview?.ok || nothing} data-testid="import-apply">
            {t('calendars.apply')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Alert
          type="warning"
          showIcon
          title={t('calendars.shipped')}
          description={
            <Flex vertical gap={6}>
              <Typography.Text>{t('calendars.reviewYearly')}</Typography.Text>
              {shipped.data?.map((year) => (
                <Flex key={year.year} gap={8} align="center" wrap>
                  <Button size="small" onClick={() => loadShipped(year.year, year.text)} data-testid={`import-shipped-${year.year}`}>
                    {t('calendars.shippedLoad', { year: year.year })}
                  </Button>
                  {year.provisional && <Tag color="orange">{year.status.split(' ')[0]}</Tag>}
                  <Typography.Text type={year.provisional ? 'warning' : 'secondary'}>
                    {t(year.provisional ? 'calendars.shippedProvisional' : 'calendars.shippedOfficial', {
                      year: year.year,
                      holidays: year.holidayCount,
                      workdays: year.workdayCount,
                      reviewBy: year.reviewBy,
                    })}
                  </Typography.Text>
                </Flex>
              ))}
            </Flex>
          }
        />
        <Typography.Text type="secondary">{t('calendars.importFormat')}</Typography.Text>
        <input type="file" accept=".csv,.txt,text/plain,text/csv" onChange={(e) => pickFile(e.target.files?.[0])} aria-label={t('calendars.importFile')} />
        <Input.TextArea
          rows={8}
          value={text}
          onChange={(e) => edit(e.target.value)}
          placeholder={'date,type,name\n2027-02-05,holiday,春节\n2027-02-20,workday,春节调休上班'}
          aria-label={t('calendars.importText')}
          style={{ fontFamily: 'monospace' }}
          data-testid="import-text"
        />
        {preview && !preview.ok && (
          <Alert
            type="error"
            showIcon
            title={t('calendars.previewErrors', { count: preview.errors.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {preview.errors.map((e) => (
                  <li key={`${e.line}:${e.message}`} data-testid="import-error">
                    {e.line > 0 ? t('calendars.previewLine', { line: e.line, message: e.message }) : t('calendars.previewFile', { message: e.message })}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {preview?.ok && (
          <Alert
            type={nothing ? 'info' : 'success'}
            showIcon
            title={
              nothing
                ? t('calendars.previewNothing')
                : t('calendars.previewSummary', { added: preview.added.length, changed: preview.changed.length, unchanged: preview.unchanged })
            }
            description={
              nothing ? undefined : (
                <Flex vertical gap={4} style={{ maxHeight: 240, overflow: 'auto' }}>
                  {[...preview.added.map((d) => ({ ...d, before: undefined })), ...preview.changed].map((d) => (
                    <div key={d.date} data-testid="import-row">
                      <Space wrap>
                        <Typography.Text code>{d.date}</Typography.Text>
                        <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendars.kind.${d.kind}`)}</Tag>
                        {d.name}
                        {d.before && (
                          <Typography.Text type="secondary">
                            {t('calendars.previewBefore')} {t(`calendars.kind.${d.before.kind}`)} {d.before.name}
                          </Typography.Text>
                        )}
                      </Space>
                    </div>
                  ))}
                </Flex>
              )
            }
          />
        )}
      </Flex>
    </Modal>
  );
}
