/** The rule editor: "当 <事件> 且 <条件…> 则 <动作…>", with a dry run of what is on screen. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Input, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { type Action, type Condition, type Rule, TRIGGERS, type Trigger, useCreateRule, useUpdateRule } from '../../../api/automation';
import { useApiError } from '../../../components/useApiError';
import { useT } from '../../../i18n';
import { ActionRow, newAction, toActionInput } from './ActionRow';
import { ConditionRow, newCondition, toConditionInput } from './ConditionRow';
import { DryRunBox } from './DryRunBox';
import { useRuleOptions } from './useRuleOptions';

export function RuleModal({ rule, onClose }: { rule: Rule | null; onClose: () => void }) {
  const t = useT();
  const showError = useApiError();
  const options = useRuleOptions();
  const create = useCreateRule();
  const update = useUpdateRule();
  const [name, setName] = useState(rule?.name ?? '');
  const [active, setActive] = useState(rule?.active ?? true);
  const [trigger, setTrigger] = useState<Trigger>(rule?.trigger ?? 'created');
  const [conditions, setConditions] = useState<Condition[]>(rule?.conditions ?? []);
  const [actions, setActions] = useState<Action[]>(rule?.actions ?? [newAction('addTag')]);
  const [tried, setTried] = useState(false);

  const input = { name: name.trim(), active, trigger, conditions: conditions.map(toConditionInput), actions: actions.map(toActionInput) };
  const save = () => {
    setTried(true);
    if (!input.name || !input.actions.length) return;
    const done = { onSuccess: onClose, onError: (e: unknown) => showError(e) };
    if (rule) update.mutate({ id: rule.id, ...input }, done);
    else create.mutate(input, done);
  };
  const replace = <T,>(list: T[], index: number, item: T) => list.map((x, i) => (i === index ? item : x));

  return (
    <Modal
      open
      width={900}
      title={rule ? t('automation.edit') : t('automation.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'rule-save' } as { [key: `data-${string}`]: string }}
    >
      <Flex gap={16} wrap align="center">
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          placeholder={t('automation.name')}
          status={tried && !input.name ? 'error' : undefined}
          style={{ flex: 1, minWidth: 240 }}
          data-testid="rule-name"
        />
        <Flex gap={8} align="center">
          <Typography.Text>{t('automation.active')}</Typography.Text>
          <Switch checked={active} onChange={setActive} data-testid="rule-active" />
        </Flex>
      </Flex>

      <Divider titlePlacement="start">{t('automation.when')}</Divider>
      <Select
        style={{ width: 260 }}
        value={trigger}
        onChange={setTrigger}
        options={TRIGGERS.map((x) => ({ value: x, label: t(`automation.trigger.${x}`) }))}
        data-testid="rule-trigger"
      />

      <Divider titlePlacement="start">{t('automation.and')}</Divider>
      <Flex vertical gap={8}>
        {conditions.length === 0 && <Typography.Text type="secondary">{t('automation.noConditions')}</Typography.Text>}
        {conditions.map((c, i) => (
          <ConditionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; removing re-keys the rest on purpose
            key={i}
            index={i}
            value={c}
            options={options}
            onChange={(next) => setConditions(replace(conditions, i, next))}
            onRemove={() => setConditions(conditions.filter((_, j) => j !== i))}
          />
        ))}
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setConditions([...conditions, newCondition('type')])} data-testid="rule-add-condition">
            {t('automation.addCondition')}
          </Button>
        </div>
      </Flex>

      <Divider titlePlacement="start">{t('automation.then')}</Divider>
      <Flex vertical gap={8}>
        {actions.map((a, i) => (
          <ActionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            key={i}
            index={i}
            value={a}
            options={options}
            onChange={(next) => setActions(replace(actions, i, next))}
            onRemove={() => setActions(actions.filter((_, j) => j !== i))}
          />
        ))}
        {tried && !actions.length && <Typography.Text type="danger">{t('automation.actionsRequired')}</Typography.Text>}
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setActions([...actions, newAction('setPriority')])} data-testid="rule-add-action">
            {t('automation.addAction')}
          </Button>
        </div>
      </Flex>

      <Divider />
      <DryRunBox name={input.name} conditions={input.conditions} actions={input.actions} />
    </Modal>
  );
}
