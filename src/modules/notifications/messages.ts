import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  NOTIFICATION_NOT_FOUND: { 'zh-CN': '通知不存在', en: 'Notification not found' },
  REALTIME_SESSION_REQUIRED: {
    'zh-CN': '实时通道仅供已登录的浏览器会话使用',
    en: 'The realtime channel is for logged-in browser sessions only',
  },
});
