/** Every module's routes, mounted under /api/v1. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemaVersion } from '../db/migrate.ts';
import { eventRoutes } from '../modules/events/routes.ts';
import { complaintRoutes } from '../modules/complaints/routes.ts';
import { returnRoutes } from '../modules/returns/routes.ts';
import { classificationRoutes } from '../modules/classification/routes.ts';
import { customerRoutes } from '../modules/customers/routes.ts';
import { customFieldRoutes } from '../modules/customFields/routes.ts';
import { identityRoutes } from '../modules/identity/routes.ts';
import { searchRoutes } from '../modules/search/routes.ts';
import { workOrderRoutes } from '../modules/workOrders/routes.ts';
import { attachmentRoutes } from '../modules/workOrders/attachmentRoutes.ts';
import { savedViewRoutes } from '../modules/workOrders/savedViewRoutes.ts';
import { workOrderTypeRoutes } from '../modules/workOrders/typeRoutes.ts';
import { priceListRoutes } from '../modules/priceList/routes.ts';
import { stockRoutes } from '../modules/stock/routes.ts';
import { repairRoutes } from '../modules/repairs/routes.ts';
import { notificationRoutes } from '../modules/notifications/routes.ts';
import { realtimeRoutes } from '../modules/notifications/socketRoute.ts';
import { outboundRoutes } from '../modules/outbound/routes.ts';
import { slaRoutes } from '../modules/sla/routes.ts';
import { dutyRoutes } from '../modules/duty/routes.ts';
import { calendarRoutes } from '../modules/calendars/routes.ts';
import { automationRoutes } from '../modules/automation/routes.ts';

const HealthView = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), schemaVersion: z.string() });

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    { config: { public: true }, schema: { tags: ['system'], response: { 200: HealthView } } },
    async () => {
      await app.database.db.selectFrom('schema_migrations').select('name').limit(1).execute();
      return { status: 'ok' as const, database: app.database.kind, schemaVersion: schemaVersion() };
    },
  );
  await app.register(identityRoutes);
  await app.register(workOrderRoutes);
  await app.register(eventRoutes);
  await app.register(customerRoutes);
  await app.register(classificationRoutes);
  await app.register(customFieldRoutes);
  await app.register(workOrderTypeRoutes);
  await app.register(attachmentRoutes);
  await app.register(savedViewRoutes);
  await app.register(searchRoutes);
  await app.register(complaintRoutes);
  await app.register(returnRoutes);
  await app.register(priceListRoutes);
  await app.register(stockRoutes);
  await app.register(repairRoutes);
  await app.register(notificationRoutes);
  await app.register(realtimeRoutes);
  await app.register(outboundRoutes);
  await app.register(slaRoutes);
  await app.register(dutyRoutes);
  await app.register(calendarRoutes);
  await app.register(automationRoutes);
}
