/** Corrective and preventive actions of a complaint: list with status, and a row to add one. */
import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ACTION_STATUSES, type Complaint, type ComplaintAction, useAddAction, useUpdateAction } from '../../api/complaints';
import { useStaffOptions } from '../../api/identity';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function ComplaintActions({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const showError = useApiError();
  const update = useUpdateAction();
  const add = useAddAction();
  const [staffQuery, setStaffQuery] = useState('');
  const staff = useStaffOptions(staffQuery);
  const [draft, setDraft] = useState({ kind: 'corrective' as ComplaintAction['kind'], description: '', ownerId: '', dueOn: '' });
  const id = complaint.workOrderId;

  const submit = () =>
    add.mutate(
      { id, ...draft },
      { onSuccess: () => setDraft((prev) => ({ ...prev, description: '' })), onError: (e) => showError(e) },
    );

  return (
    <Flex vertical gap={8}>
      <Table<ComplaintAction>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={complaint.actions ?? []}
        locale={{ emptyText: t('complaint.noActions') }}
        columns={[
          { title: t('complaint.actionKind'), dataIndex: 'kind', render: (kind: string) => t(`complaint.kind.${kind}` as 'complaint.kind.corrective') },
          { title: t('complaint.actionDescription'), dataIndex: 'description' },
          { title: t('complaint.actionOwner'), render: (_, a) => a.owner.displayName },
          {
            title: t('complaint.actionDue'),
            render: (_, a) => (a.overdue ? <Tag color="red">{a.dueOn}</Tag> : a.dueOn),
          },
          {
            title: t('complaint.actionStatus'),
            render: (_, a) =>
              a.canUpdate ? (
                <Select
                  size="small"
                  value={a.status}
                  style={{ width: 110 }}
                  data-testid={`action-status-${a.id}`}
                  options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`complaint.status.${s}` as 'complaint.status.open') }))}
                  onChange={(status) => update.mutate({ id, actionId: a.id, status }, { onError: (e) => showError(e) })}
                />
              ) : (
                t(`complaint.status.${a.status}` as 'complaint.status.open')
              ),
          },
        ]}
      />
      {complaint.abilities.addAction ? (
        <Flex gap={8} wrap>
          <Select
            value={draft.kind}
            style={{ width: 120 }}
            options={(['corrective', 'preventive'] as const).map((k) => ({ value: k, label: t(`complaint.kind.${k}`) }))}
            onChange={(kind) => setDraft((d) => ({ ...d, kind }))}
          />
          <Input
            style={{ flex: 1, minWidth: 200 }}
            maxLength={2000}
            value={draft.description}
            placeholder={t('complaint.actionDescription')}
            onChange={(e) => {
              const description = e.target.value;
              setDraft((d) => ({ ...d, description }));
            }}
            data-testid="action-description"
          />
          <Select
            showSearch={{ filterOption: false, onSearch: setStaffQuery }}
            style={{ width: 160 }}
            value={draft.ownerId || undefined}
            placeholder={t('complaint.actionOwner')}
            options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            onChange={(ownerId) => setDraft((d) => ({ ...d, ownerId }))}
            data-testid="action-owner"
          />
          <Input type="date" style={{ width: 150 }} value={draft.dueOn} onChange={(e) => {
              const dueOn = e.target.value;
              setDraft((d) => ({ ...d, dueOn }));
            }} data-testid="action-due" />
          <Button
            disabled={!draft.description.trim() || !draft.ownerId || !draft.dueOn}
            loading={add.isPending}
            onClick={submit}
            data-testid="action-add"
          >
            {t('complaint.addAction')}
          </Button>
        </Flex>
      ) : null}
      {complaint.actions && !complaint.actions.length && complaint.abilities.verify ? (
        <Typography.Text type="secondary">{t('complaint.actionsBeforeVerify')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
