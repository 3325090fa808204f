import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  COMPLAINT_NOT_FOUND: { 'zh-CN': '该工单不是投诉工单', en: 'This work order is not a complaint' },
  COMPLAINT_VERIFICATION_REQUIRED: {
    'zh-CN': '投诉须经质检验证整改有效后才能关闭',
    en: 'A complaint cannot be closed before quality has verified the actions as effective',
  },
  COMPLAINT_EXPLANATION_REQUIRED: {
    'zh-CN': '判定非我方责任时，须填写给客户的解释',
    en: 'When the company is not at fault, give the explanation for the customer',
  },
  COMPLAINT_ACTION_NOT_FOUND: { 'zh-CN': '整改措施不存在', en: 'Action not found' },
  COMPLAINT_ACTIONS_OPEN: {
    'zh-CN': '还有未完成的整改/预防措施，不能验证',
    en: 'Corrective or preventive actions are still open; they cannot be verified yet',
  },
  COMPLAINT_NO_ACTIONS: {
    'zh-CN': '请先登记至少一项整改或预防措施',
    en: 'Record at least one corrective or preventive action first',
  },
  COMPLAINT_ACTION_OWNER_INVALID: {
    'zh-CN': '措施负责人必须是在职员工',
    en: 'The action owner must be an active staff member',
  },
});
