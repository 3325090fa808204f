/** 系统管理 › 工作日历: the calendars SLA clocks count business time in. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type CalendarSummary, useCalendars, useCreateCalendar, useShippedHolidays, type WeeklyHours } from '../../api/calendars';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

// A new calendar starts with the same office hours as the seeded default.
const OFFICE = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];
const OFFICE_WEEK: WeeklyHours = { 0: [], 1: OFFICE, 2: OFFICE, 3: OFFICE, 4: OFFICE, 5: OFFICE, 6: [] };

export default function CalendarsPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const calendars = useCalendars(showArchived);
  const provisional = useShippedHolidays().data?.filter((year) => year.provisional) ?? [];
  const create = useCreateCalendar();

  const submit = (values: { name: string }) =>
    create.mutate(
      { name: values.name, timeZone: 'Asia/Shanghai', weekly: OFFICE_WEEK },
      {
        onSuccess: (calendar) => {
          message.success(t('calendars.createdHint'));
          setCreating(false);
          navigate(`/admin/calendars/${calendar.id}`);
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('calendars.title')}
        </Typography.Title>
        <Space wrap>
          <Switch size="small" checked={showArchived} onChange={setShowArchived} />
          {t('calendars.showArchived')}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="calendar-create">
            {t('calendars.create')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">{t('calendars.intro')}</Typography.Paragraph>
      {provisional.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('calendars.reviewYearly')}
          description={provisional.map((year) => (
            <div key={year.year}>
              {t('calendars.shippedProvisional', { year: year.year, holidays: year.holidayCount, workdays: year.workdayCount, reviewBy: year.reviewBy })}
            </div>
          ))}
          data-testid="calendars-provisional"
        />
      )}
      <Table<CalendarSummary>
        rowKey="id"
        size="middle"
        loading={calendars.isFetching}
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={calendars.data}
        columns={[
          {
            title: t('calendars.name'),
            key: 'name',
            render: (_, c) => (
              <Space>
                <Link to={`/admin/calendars/${c.id}`}>{c.name}</Link>
                {c.isDefault && <Tag color="blue">{t('calendars.default')}</Tag>}
              </Space>
            ),
          },
          { title: t('calendars.timeZone'), dataIndex: 'timeZone' },
          { title: t('calendars.holidayCount'), dataIndex: 'holidayCount' },
          { title: t('calendars.workdayCount'), dataIndex: 'workdayCount' },
          { title: t('calendars.lastDate'), key: 'last', render: (_, c) => c.lastDate ?? t('calendars.noDates') },
          {
            title: t('calendars.status'),
            key: 'status',
            render: (_, c) => (c.archived ? <Tag>{t('calendars.archived')}</Tag> : <Tag color="green">{t('calendars.active')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, c) => (
              <Link to={`/admin/calendars/${c.id}`} data-testid={`calendar-open-${c.name}`}>
                {t('calendars.open')}
              </Link>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('calendars.create')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="name" label={t('calendars.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input data-testid="calendar-name" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
