/** One action: its type and the input that type needs. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { ACTION_TYPES, type Action, type ActionType } from '../../../api/automation';
import { useT } from '../../../i18n';
import type { RuleOptions } from './useRuleOptions';

export function newAction(type: ActionType): Action {
  switch (type) {
    case 'setPriority':
      return { type, priority: 'urgent' };
    case 'notify':
      return { type, assignee: true, teamLeads: false, userIds: [], message: '' };
    case 'addTag':
    case 'removeTag':
      return { type, tag: '' };
    case 'addNote':
      return { type, body: '' };
    default:
      return { type };
  }
}

/** The action as the API takes it (only the keys its type uses). */
export function toActionInput(a: Action): Action {
  switch (a.type) {
    case 'setPriority':
      return { type: a.type, priority: a.priority };
    case 'setStatus':
      return { type: a.type, status: a.status };
    case 'setTeam':
      return { type: a.type, teamId: a.teamId };
    case 'setAssignee':
      return { type: a.type, assigneeId: a.assigneeId };
    case 'addTag':
    case 'removeTag':
      return { type: a.type, tag: a.tag };
    case 'addNote':
      return { type: a.type, body: a.body };
    case 'notify':
      return { type: a.type, assignee: a.assignee, teamLeads: a.teamLeads, userIds: a.userIds ?? [], message: a.message ?? '' };
  }
}

export function ActionRow(props: { index: number; value: Action; options: RuleOptions; onChange: (a: Action) => void; onRemove: () => void }) {
  const t = useT();
  const { value: a, index, options, onChange } = props;
  const select = (key: 'priority' | 'status' | 'teamId' | 'assigneeId', list: { value: string; label: string }[]) => (
    <Select
      style={{ flex: 1, minWidth: 200 }}
      value={a[key]}
      onChange={(v: string) => onChange({ ...a, [key]: v })}
      options={list}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('automation.valueRequired')}
      data-testid={`rule-action-value-${index}`}
    />
  );
  return (
    <Flex gap={8} wrap align="start" data-testid={`rule-action-${index}`}>
      <Select
        style={{ width: 150 }}
        virtual={false}
        listHeight={320}
        value={a.type}
        onChange={(type: ActionType) => onChange(newAction(type))}
        options={ACTION_TYPES.map((x) => ({ value: x, label: t(`automation.action.${x}`) }))}
        data-testid={`rule-action-type-${index}`}
      />
      {a.type === 'setPriority' && select('priority', options.priorities)}
      {a.type === 'setStatus' && select('status', options.statuses)}
      {a.type === 'setTeam' && select('teamId', options.teams)}
      {a.type === 'setAssignee' && select('assigneeId', options.users)}
      {(a.type === 'addTag' || a.type === 'removeTag') && (
        <Input style={{ flex: 1, minWidth: 200 }} value={a.tag} maxLength={50} onChange={(e) => onChange({ ...a, tag: e.target.value })} data-testid={`rule-action-value-${index}`} />
      )}
      {a.type === 'addNote' && (
        <Flex vertical style={{ flex: 1, minWidth: 260 }} gap={4}>
          <Input.TextArea value={a.body} rows={2} maxLength={2000} onChange={(e) => onChange({ ...a, body: e.target.value })} data-testid={`rule-action-value-${index}`} />
          <span style={{ fontSize: 12, opacity: 0.65 }}>{t('automation.placeholders')}</span>
        </Flex>
      )}
      {a.type === 'notify' && (
        <Flex vertical style={{ flex: 1, minWidth: 260 }} gap={4}>
          <Flex gap={12} wrap align="center">
            <Checkbox checked={a.assignee} onChange={(e) => onChange({ ...a, assignee: e.target.checked })}>
              {t('automation.notify.assignee')}
            </Checkbox>
            <Checkbox checked={a.teamLeads} onChange={(e) => onChange({ ...a, teamLeads: e.target.checked })}>
              {t('automation.notify.teamLeads')}
            </Checkbox>
          </Flex>
          <Select
            mode="multiple"
            value={a.userIds ?? []}
            onChange={(userIds: string[]) => onChange({ ...a, userIds })}
            options={options.users}
            optionFilterProp="label"
            placeholder={t('automation.notify.users')}
          />
          <Input value={a.message} maxLength={500} placeholder={t('automation.notify.message')} onChange={(e) => onChange({ ...a, message: e.target.value })} />
        </Flex>
      )}
      <Button icon={<DeleteOutlined />} aria-label={t('automation.remove')} onClick={props.onRemove} />
    </Flex>
  );
}
