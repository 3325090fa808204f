import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  WORK_ORDER_NOT_FOUND: { 'zh-CN': '工单不存在', en: 'Work order not found' },
});
