/**
 * Turns every failure into { error: { code, message, details } } with the right
 * status, the message in the request's language. Unknown errors are logged and
 * answered as INTERNAL without internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.ts';
import { t } from '../lib/i18n.ts';

interface PgError {
  code?: string;
  constraint?: string;
}

function toAppError(error: FastifyError & PgError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
      message: v.message,
      code: (v.params?.issue as { code?: string } | undefined)?.code,
    }));
    return new AppError('VALIDATION_FAILED', 400, {}, { issues });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('PAYLOAD_TOO_LARGE', 413);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 415);
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('VALIDATION_FAILED', 400, {}, { issues: [{ path: 'body', message: error.message }] });
  }
  if (error.code === '23505') return new AppError('CONFLICT', 409, {}, { constraint: error.constraint });
  if (error.code === '23503') return new AppError('VALIDATION_FAILED', 400, {}, { constraint: error.constraint });
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', error.statusCode, {}, {
      reason: error.message,
    });
  }
  return new AppError('INTERNAL', 500);
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: error.code, message: t(request.lang ?? 'zh-CN', error.code, error.params) },
  };
  if (error.details !== undefined) body.error.details = error.details;
  if (error.status === 429 && typeof error.params.seconds === 'number') {
    reply.header('retry-after', String(error.params.seconds));
  }
  return reply.code(error.status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & PgError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('ROUTE_NOT_FOUND', 404)));
}
