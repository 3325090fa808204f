import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  WORK_ORDER_NOT_FOUND: { 'zh-CN': '工单不存在', en: 'Work order not found' },
});

// Work order core: creation, transitions, assignment, replies.
registerMessages({
  WORK_ORDER_TYPE_UNKNOWN: { 'zh-CN': '工单类型不存在或已停用', en: 'Unknown or archived work order type' },
  TRANSITION_NOT_ALLOWED: {
    'zh-CN': '当前状态“{from}”不能变更为“{to}”',
    en: 'The status cannot change from "{from}" to "{to}"',
  },
  TRANSFER_REASON_REQUIRED: { 'zh-CN': '转派工单需要填写原因', en: 'A transfer needs a reason' },
  ASSIGNEE_NOT_IN_TEAM: {
    'zh-CN': '处理人必须是该部门的在职员工',
    en: 'The assignee must be an active staff member of the team',
  },
  NOTHING_TO_ASSIGN: { 'zh-CN': '请指定部门或处理人', en: 'Give a team or an assignee' },
});
