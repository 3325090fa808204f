/** The SMS that carries an acceptance code: its purpose key (one live code per order) and its text. */
export const ACCEPTANCE_CODE_PURPOSE = 'repair.acceptanceCode';

/** What the contact receives; the copy with the code masked replaces it once sent. */
export const acceptanceCodeText = (code: string, number: string) =>
  `【客服】您的维修验收确认码为 ${code}，30 分钟内有效（工单 ${number}）。请在维修完成、您确认无误后告知维修人员；如非本人报修请忽略。`;
