/**
 * Configuration from environment variables, validated once at start.
 * Each bad value produces one clear line naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  KEFU_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  KEFU_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  KEFU_ATTACHMENTS_DIR: z.string().min(1).optional(),
  KEFU_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  KEFU_PUBLIC_ORIGIN: z.string().url('must be a URL such as https://kefu.example.com').optional(),
  KEFU_SESSION_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 7),
  KEFU_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KEFU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEFU_ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  KEFU_SMS_WEBHOOK_URL: z.string().url('must be a URL such as https://sms.example.com/send').optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  attachmentsDir: string;
  maxUploadBytes: number;
  publicOrigin: string | undefined;
  sessionHours: number;
  cookieSecure: 'auto' | 'true' | 'false';
  logLevel: string;
  role: 'web' | 'worker' | 'all';
  /** HTTP gateway that sends SMS (POST JSON {to, text}); without it SMS stay queued and unsent. */
  smsWebhookUrl: string | undefined;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.KEFU_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.KEFU_ADMIN_PASSWORD,
    attachmentsDir: path.resolve(e.KEFU_ATTACHMENTS_DIR ?? path.join(dataDir, 'attachments')),
    maxUploadBytes: Math.round(e.KEFU_MAX_UPLOAD_MB * 1024 * 1024),
    publicOrigin: e.KEFU_PUBLIC_ORIGIN?.replace(/\/$/, ''),
    sessionHours: e.KEFU_SESSION_HOURS,
    cookieSecure: e.KEFU_COOKIE_SECURE,
    logLevel: e.KEFU_LOG_LEVEL,
    role: e.KEFU_ROLE,
    smsWebhookUrl: e.KEFU_SMS_WEBHOOK_URL,
  };
}
