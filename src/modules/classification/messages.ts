import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  CATEGORY_SET_NOT_FOUND: { 'zh-CN': '分类维度不存在', en: 'Category set not found' },
  CATEGORY_SET_EXISTS: { 'zh-CN': '分类维度标识已存在', en: 'A category set with this key exists' },
  CATEGORY_OPTION_NOT_FOUND: { 'zh-CN': '分类选项不存在', en: 'Category option not found' },
  CATEGORY_OPTION_EXISTS: { 'zh-CN': '分类选项标识已存在', en: 'An option with this key exists in the set' },
  SERVICE_TIER_NOT_FOUND: { 'zh-CN': '服务等级不存在', en: 'Service tier not found' },
  SERVICE_TIER_EXISTS: { 'zh-CN': '服务等级标识已存在', en: 'A service tier with this key exists' },
});
