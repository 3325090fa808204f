import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  CALENDAR_NOT_FOUND: { 'zh-CN': '工作日历不存在', en: 'Business calendar not found' },
  CALENDAR_NAME_TAKEN: { 'zh-CN': '已有同名的工作日历：{name}', en: 'A business calendar named {name} already exists' },
  CALENDAR_TIME_ZONE_INVALID: { 'zh-CN': '未知的时区：{timeZone}', en: 'Unknown time zone: {timeZone}' },
  CALENDAR_INVALID: {
    'zh-CN': '工作日历设置有误（工作时间重叠、一周没有工作时间或日期冲突），详见各项提示',
    en: 'The calendar is not valid (overlapping hours, no working hours in the week or conflicting dates); see the details',
  },
  CALENDAR_DATE_DUPLICATE: { 'zh-CN': '日期 {date} 出现了两次', en: 'The date {date} is listed twice' },
  CALENDAR_DEFAULT_ARCHIVE: {
    'zh-CN': '默认工作日历不能归档，请先将其他日历设为默认',
    en: 'The default calendar cannot be archived; make another calendar the default first',
  },
  CALENDAR_ARCHIVED: { 'zh-CN': '已归档的工作日历不能设为默认', en: 'An archived calendar cannot be the default' },
  CALENDAR_IMPORT_INVALID: {
    'zh-CN': '导入文件有错误，请按行号修改后再导入',
    en: 'The import file has errors; fix the lines named and import again',
  },
  CALENDAR_SHIPPED_YEAR_MISSING: {
    'zh-CN': '系统没有 {year} 年的法定节假日数据',
    en: 'No Chinese holiday data is shipped for {year}',
  },
  CALENDAR_COMPUTE_OUT_OF_RANGE: {
    'zh-CN': '在可计算的范围内该日历没有足够的工作时间',
    en: 'The calendar has too little working time in the range that can be computed',
  },
});
