import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已临时锁定，请 {seconds} 秒后再试',
    en: 'Too many failed logins; the account is locked for {seconds} s',
  },
  USER_NOT_FOUND: { 'zh-CN': '用户不存在', en: 'User not found' },
  TEAM_NOT_FOUND: { 'zh-CN': '部门不存在', en: 'Team not found' },
  USERNAME_TAKEN: { 'zh-CN': '用户名已被使用', en: 'Username already taken' },
  TEAM_NAME_TAKEN: { 'zh-CN': '部门名称已存在', en: 'A team with this name exists' },
  CUSTOMER_REQUIRED: {
    'zh-CN': '客户账号必须属于一个客户单位',
    en: 'A customer user must belong to a customer organisation',
  },
  CURRENT_PASSWORD_WRONG: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  TOKEN_NOT_FOUND: { 'zh-CN': 'API 令牌不存在', en: 'API token not found' },
  CANNOT_DISABLE_SELF: { 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
});
