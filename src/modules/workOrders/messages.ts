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

// Work order types and workflows, attachments, saved views.
registerMessages({
  WORK_ORDER_TYPE_NOT_FOUND: { 'zh-CN': '工单类型不存在', en: 'Work order type not found' },
  WORK_ORDER_TYPE_KEY_TAKEN: { 'zh-CN': '工单类型标识“{key}”已存在', en: 'A work order type with key "{key}" exists' },
  WORKFLOW_INVALID: { 'zh-CN': '流程配置有误，请检查状态与流转', en: 'The workflow is not valid; check its statuses and transitions' },
  WORKFLOW_STATUS_IN_USE: {
    'zh-CN': '仍有工单处于状态“{statuses}”，不能删除该状态',
    en: 'Work orders are still in status "{statuses}"; it cannot be removed',
  },
  ATTACHMENT_NOT_FOUND: { 'zh-CN': '附件不存在', en: 'Attachment not found' },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    'zh-CN': '不支持上传此类型的文件：{filename}',
    en: 'Files of this type cannot be uploaded: {filename}',
  },
  ATTACHMENT_CONTENT_MISMATCH: {
    'zh-CN': '文件内容与扩展名不符：{filename}',
    en: 'The file content does not match its extension: {filename}',
  },
  ATTACHMENT_EMPTY: { 'zh-CN': '文件为空：{filename}', en: 'The file is empty: {filename}' },
  ATTACHMENT_NONE: { 'zh-CN': '请选择要上传的文件', en: 'Choose at least one file to upload' },
  SAVED_VIEW_NOT_FOUND: { 'zh-CN': '视图不存在', en: 'Saved view not found' },
  SAVED_VIEW_LIMIT: { 'zh-CN': '每人最多保存 {max} 个视图', en: 'At most {max} saved views per user' },
  SAVED_VIEW_NAME_TAKEN: { 'zh-CN': '已有同名视图', en: 'A saved view with this name exists' },
});
