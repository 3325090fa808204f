/**
 * Server-side messages in zh-CN (default) and en. Each module registers the
 * messages for its error codes; `t` formats one with named parameters.
 */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageTable = Record<string, { 'zh-CN': string; en: string }>;

const registry = new Map<string, { 'zh-CN': string; en: string }>();

export function registerMessages(table: MessageTable): void {
  for (const [code, texts] of Object.entries(table)) registry.set(code, texts);
}

export function t(lang: Lang, code: string, params: Record<string, unknown> = {}): string {
  const texts = registry.get(code);
  const template = texts ? texts[lang] : code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Picks the language from an Accept-Language header: English if preferred over Chinese, else zh-CN. */
export function langFromHeader(header: string | undefined): Lang {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

registerMessages({
  VALIDATION_FAILED: { 'zh-CN': '输入有误，请检查后重试', en: 'The input is not valid' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please log in first' },
  FORBIDDEN: { 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '记录不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  CONFLICT: { 'zh-CN': '数据冲突，请刷新后重试', en: 'Conflicting change; reload and retry' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  CSRF_REJECTED: {
    'zh-CN': '请求来源不被允许（跨站请求已拦截）',
    en: 'Cross-site request rejected',
  },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请 {seconds} 秒后再试', en: 'Too many requests; retry in {seconds} s' },
  INTERNAL: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
});
