import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  AUTOMATION_RULE_NOT_FOUND: { 'zh-CN': '规则不存在', en: 'Rule not found' },
  AUTOMATION_REFERENCE_UNKNOWN: {
    'zh-CN': '规则引用了不存在或已停用的团队或用户',
    en: 'The rule refers to a team or user that does not exist or is inactive',
  },
  AUTOMATION_ORDER_INCOMPLETE: {
    'zh-CN': '排序必须包含全部规则，且每条只出现一次',
    en: 'The order must list every rule exactly once',
  },
});
