/** What the customer portal reads beyond work orders: the customer's own assets, and uploads after submitting. */
import { useQuery } from '@tanstack/react-query';
import type { Asset } from './customers';
import { ApiError, get, post } from './client';

/** The organisation's active assets; the server answers only for the user's own organisation. */
export function useOwnAssets(customerId: string | null) {
  return useQuery({
    queryKey: ['portal', 'assets', customerId],
    queryFn: () => get<{ items: Asset[] }>(`/customers/${customerId}/assets`),
    select: (reply) => reply.items,
    enabled: !!customerId,
  });
}

export interface UploadFailure {
  name: string;
  message: string;
}

/**
 * Uploads files one request each, so one refused file (too large, a type the
 * server does not take) does not stop the others and is reported by name.
 */
export async function uploadEach(workOrderId: string, files: File[]): Promise<UploadFailure[]> {
  const failures: UploadFailure[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await post(`/work-orders/${workOrderId}/attachments`, form);
    } catch (error) {
      failures.push({ name: file.name, message: error instanceof ApiError ? error.message : String(error) });
    }
  }
  return failures;
}
