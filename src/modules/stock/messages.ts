import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  STOCK_ITEM_NOT_FOUND: { 'zh-CN': '库存物料不存在', en: 'Stock item not found' },
  STOCK_ITEM_CODE_TAKEN: { 'zh-CN': '物料编码“{code}”已存在', en: 'A stock item with code "{code}" exists' },
  STOCK_INSUFFICIENT: {
    'zh-CN': '“{name}”库存不足：现有 {onHand}，需要 {needed}',
    en: 'Not enough "{name}" in stock: {onHand} on hand, {needed} needed',
  },
});
