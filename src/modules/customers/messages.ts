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
  IMPORT_NO_FILE: { 'zh-CN': '请选择要导入的文件', en: 'Choose a file to import' },
  IMPORT_NOT_UTF8: {
    'zh-CN': 'CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”或使用 XLSX 文件',
    en: 'The CSV file is not UTF-8; save it as "CSV UTF-8" in Excel or use an XLSX file',
  },
  IMPORT_BAD_CSV: { 'zh-CN': 'CSV 文件格式有误（引号未闭合）', en: 'The CSV file is malformed (unclosed quote)' },
  IMPORT_BAD_XLSX: { 'zh-CN': '无法读取该 Excel 文件', en: 'The Excel file cannot be read' },
  IMPORT_NO_NAME_COLUMN: {
    'zh-CN': '找不到“客户名称”列，请使用导入模板的表头',
    en: 'No "Name" (客户名称) column found; use the headers of the import template',
  },
  IMPORT_TOO_MANY_ROWS: { 'zh-CN': '一次最多导入 {max} 行', en: 'At most {max} rows per import' },
  IMPORT_REQUIRED: { 'zh-CN': '“{column}”不能为空', en: '"{column}" is required' },
  IMPORT_TOO_LONG: { 'zh-CN': '“{column}”过长', en: '"{column}" is too long' },
  IMPORT_BAD_CREDIT_CODE: {
    'zh-CN': '“{column}”应为 18 位数字或大写字母',
    en: '"{column}" must be 18 digits or letters',
  },
  IMPORT_BAD_PHONE: {
    'zh-CN': '“{column}”只能包含数字、空格和 + - ( )，每个 3–40 位，最多 10 个',
    en: '"{column}" may hold digits, spaces and + - ( ) only, 3–40 characters each, at most 10',
  },
  IMPORT_BAD_EMAIL: { 'zh-CN': '“{column}”不是有效的邮箱', en: '"{column}" is not a valid email address' },
  IMPORT_INVALID_VALUE: { 'zh-CN': '“{column}”的值无效', en: 'Invalid value in "{column}"' },
  IMPORT_UNKNOWN_TIER: { 'zh-CN': '“{column}”不是已启用的服务等级', en: '"{column}" is not an active service tier' },
  IMPORT_UNKNOWN_OPTION: { 'zh-CN': '“{column}”不是该分类的已启用选项', en: '"{column}" is not an active option of this category' },
  IMPORT_DUPLICATE_CREDIT_CODE: {
    'zh-CN': '文件中另一个客户使用了相同的统一社会信用代码',
    en: 'Another customer in the file has the same credit code',
  },
  IMPORT_TOO_MANY_CONTACTS: { 'zh-CN': '同一客户最多 {max} 个联系人', en: 'At most {max} contacts per customer' },
  IMPORT_ROWS_INVALID: {
    'zh-CN': '{count} 处错误，本批未导入任何数据',
    en: '{count} errors; nothing of this batch was imported',
  },
  EXPORT_TOO_MANY: { 'zh-CN': '一次最多导出 {max} 个客户，请缩小筛选范围', en: 'At most {max} customers per export; narrow the filters' },
});
