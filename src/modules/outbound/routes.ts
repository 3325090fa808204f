/**
 * Outgoing messages: binds this server's SMS gateway (KEFU_SMS_WEBHOOK_URL) to its
 * database for the send job, and lets staff who see a work order see its
 * messages and how their delivery went (never their text).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCtx } from '../../server/requestContext.ts';
import { bindSmsGateway } from './gateway.ts';
import { listWorkOrderMessages } from './listMessages.ts';
import { OutboundMessageView } from './schema.ts';

const schema = {
  tags: ['outbound'],
  params: z.object({ id: z.uuid() }),
  response: { 200: z.object({ items: z.array(OutboundMessageView) }) },
};

export async function outboundRoutes(app: FastifyInstance): Promise<void> {
  bindSmsGateway(app.database, app.config.smsWebhookUrl);
  app.withTypeProvider<ZodTypeProvider>().get('/work-orders/:id/outbound-messages', { schema }, async (request) => ({
    items: await withCtx(request, (ctx) => listWorkOrderMessages(ctx, request.params.id)),
  }));
}
