import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  CUSTOMER_NOT_FOUND: { 'zh-CN': '客户不存在', en: 'Customer not found' },
  CONTACT_NOT_FOUND: { 'zh-CN': '联系人不存在', en: 'Contact not found' },
  ASSET_NOT_FOUND: { 'zh-CN': '设备/资产不存在', en: 'Asset not found' },
  CONTRACT_NOT_FOUND: { 'zh-CN': '合同不存在', en: 'Contract not found' },
  CREDIT_CODE_TAKEN: {
    'zh-CN': '统一社会信用代码已被其他客户使用',
    en: 'Another active customer has this unified social credit code',
  },
  CUSTOMER_ARCHIVED: { 'zh-CN': '客户已归档，请先恢复', en: 'The customer is archived; restore it first' },
  UNKNOWN_REQUIRED_FIELD: { 'zh-CN': '未知的必填字段：{field}', en: 'Unknown required field: {field}' },
});
