export const SESSION_COOKIE = 'kefu_session';
