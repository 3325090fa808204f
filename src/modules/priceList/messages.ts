import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  PRICE_ITEM_NOT_FOUND: { 'zh-CN': '收费项目不存在', en: 'Price list item not found' },
  PRICE_ITEM_CODE_TAKEN: { 'zh-CN': '收费项目编码“{code}”已存在', en: 'A price list item with code "{code}" exists' },
});
