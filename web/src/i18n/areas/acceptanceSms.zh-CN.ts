/** The SMS of a repair acceptance code: what the technician is told about its delivery, and its timeline events. */
export const acceptanceSmsZhCN = {
  'acceptanceSms.sending': '确认码已生成，短信正在发送至 {phone}…',
  'acceptanceSms.sent': '短信已发送至 {phone}（{time}）',
  'acceptanceSms.noGateway': '确认码已生成，但短信没有发出：系统未配置短信网关。请改用客户签名验收，或联系管理员配置短信网关。',
  'acceptanceSms.retrying': '短信发送失败，正在重试（已尝试 {attempts} 次）：{error}',
  'acceptanceSms.failed': '短信发送失败：{error}。请重新发送确认码或改用客户签名。',
  'acceptanceSms.expired': '确认码已过期，短信未发出。请重新发送。',
  'event.outbound.smsSent': '发出了短信',
  'event.outbound.smsFailed': '短信发送失败',
} as const;
