import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  DUTY_SHIFT_NOT_FOUND: { 'zh-CN': '班次不存在', en: 'Shift not found' },
  DUTY_USER_NOT_IN_TEAM: { 'zh-CN': '值班人员必须是该部门的在职员工', en: 'People on duty must be active staff members of the team' },
  DUTY_TYPE_UNKNOWN: { 'zh-CN': '工单类型不存在', en: 'Unknown work order type' },
  DUTY_TIME_ZONE_INVALID: { 'zh-CN': '时区无效', en: 'Unknown time zone' },
  DUTY_MANAGE_FORBIDDEN: {
    'zh-CN': '只有本部门组长、经理或管理员可以编辑值班表',
    en: 'Only the team lead, managers and administrators edit the duty roster',
  },
});
