import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  CUSTOM_FIELD_NOT_FOUND: { 'zh-CN': '自定义字段不存在', en: 'Custom field not found' },
  CUSTOM_FIELD_EXISTS: { 'zh-CN': '自定义字段标识已存在', en: 'A custom field with this key exists' },
});
