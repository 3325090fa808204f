import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  REPAIR_NOT_REPAIR_ORDER: { 'zh-CN': '该工单不是报修或维护工单', en: 'This work order is not a repair or maintenance order' },
  REPAIR_NOT_DISPATCHED: { 'zh-CN': '该工单尚未派工', en: 'This repair has not been dispatched yet' },
  REPAIR_TECHNICIAN_NOT_IN_TEAM: {
    'zh-CN': '维修人员必须是该工单所属部门的在职技术员',
    en: "The technician must be an active technician of the order's team",
  },
  REPAIR_NOT_YOUR_VISIT: { 'zh-CN': '这不是您的上门任务', en: 'This visit is assigned to another technician' },
  REPAIR_SUPERVISOR_ONLY: { 'zh-CN': '仅主管（管理员、经理或部门负责人）可执行此操作', en: 'Only a supervisor (admin, manager or team lead) may do this' },
  REPAIR_VISIT_NOT_FOUND: { 'zh-CN': '上门记录不存在', en: 'Visit not found' },
  REPAIR_VISIT_STATE: {
    'zh-CN': '上门记录当前状态为“{status}”，不能执行此操作',
    en: 'The visit is "{status}"; this step is not possible now',
  },
  REPAIR_APPOINTMENT_INVALID: { 'zh-CN': '预约结束时间必须晚于开始时间', en: 'The appointment must end after it starts' },
  REPAIR_QUOTE_LINE_NOT_FOUND: { 'zh-CN': '报价明细不存在', en: 'Quote line not found' },
  REPAIR_QUOTE_PENDING_APPROVAL: {
    'zh-CN': '报价中有待主管审批的自定义项目，暂不能确认',
    en: 'A custom quote line awaits supervisor approval; the quote cannot be accepted yet',
  },
  REPAIR_QUOTE_EMPTY: { 'zh-CN': '报价没有任何明细', en: 'The quote has no lines' },
  REPAIR_QUOTE_DECIDED: { 'zh-CN': '客户已确认报价，不能再修改', en: 'The customer has accepted the quote; it cannot change' },
  REPAIR_QUOTE_ALREADY_ANSWERED: {
    'zh-CN': '您已答复过这份报价；报价调整后会再次请您确认',
    en: 'You have already answered this quote; you will be asked again if it changes',
  },
  REPAIR_MATERIAL_NOT_FOUND: { 'zh-CN': '用料记录不存在', en: 'Material line not found' },
  REPAIR_ACCEPTANCE_REQUIRED: {
    'zh-CN': '报修工单需客户验收（签名或确认码）后才能解决；主管可填写原因强制解决',
    en: 'A repair can be resolved only after customer acceptance (signature or code); a supervisor may override with a reason',
  },
  REPAIR_ALREADY_ACCEPTED: { 'zh-CN': '客户已验收', en: 'The customer has already accepted' },
  REPAIR_SIGNATURE_INVALID: { 'zh-CN': '签名必须是不超过 500 KB 的 PNG 图片', en: 'The signature must be a PNG image of at most 500 KB' },
  REPAIR_NO_CONTACT_PHONE: { 'zh-CN': '联系人没有手机号码，无法发送确认码', en: 'The contact has no phone number to send a code to' },
  CONFIRMATION_CODE_NONE: { 'zh-CN': '没有待验证的确认码，请重新发送', en: 'No confirmation code is pending; send a new one' },
  CONFIRMATION_CODE_EXPIRED: { 'zh-CN': '确认码已过期，请重新发送', en: 'The confirmation code has expired; send a new one' },
  CONFIRMATION_CODE_LOCKED: { 'zh-CN': '确认码错误次数过多，已锁定，请重新发送', en: 'Too many wrong tries; the code is locked. Send a new one' },
  CONFIRMATION_CODE_WRONG: {
    'zh-CN': '确认码错误，还可尝试 {remaining} 次',
    en: 'Wrong confirmation code; {remaining} tries left',
  },
});
