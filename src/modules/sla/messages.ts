import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  SLA_POLICY_NOT_FOUND: { 'zh-CN': 'SLA 策略不存在', en: 'SLA policy not found' },
  SLA_CALENDAR_UNKNOWN: { 'zh-CN': '工作日历不存在或已归档', en: 'Unknown or archived business calendar' },
  SLA_TARGET_DUPLICATE: { 'zh-CN': '同一计时项只能设置一个目标', en: 'Each clock can have only one target' },
  SLA_ESCALATION_WITHOUT_TARGET: {
    'zh-CN': '升级步骤引用了策略中没有目标的计时项',
    en: 'An escalation step refers to a clock without a target in this policy',
  },
  SLA_ESCALATION_DUPLICATE: { 'zh-CN': '同一计时项的同一百分比只能有一个升级步骤', en: 'Only one escalation step per clock and percentage' },
  SLA_MATCH_UNKNOWN: { 'zh-CN': '匹配条件中有未知的取值', en: 'The match conditions contain an unknown value' },
  SLA_REORDER_MISMATCH: {
    'zh-CN': '排序须恰好列出全部策略，各一次',
    en: 'The order must list every policy exactly once',
  },
});
