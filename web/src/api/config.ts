/** The administrator's configuration: classification, tiers, custom fields, completeness, work order types. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, put } from './client';
import type { StatusCategory } from './workOrders';

export const CUSTOM_FIELD_ENTITIES = ['customer', 'work_order'] as const;
export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'select'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

export interface CustomField {
  id: string;
  entity: CustomFieldEntity;
  key: string;
  label: string;
  labelEn: string;
  kind: CustomFieldKind;
  options: { key: string; label: string; labelEn?: string }[];
  position: number;
  archived: boolean;
}

export interface CompletenessConfig {
  requiredFields: string[];
  builtInFields: string[];
}

export interface WorkflowInput {
  initial: string;
  statuses: { key: string; name: string; nameEn: string; category: StatusCategory }[];
  transitions: { from: string; to: string }[];
}

export interface WorkOrderTypeInput {
  key?: string;
  name?: string;
  nameEn?: string;
  defaultTeamId?: string | null;
  archived?: boolean;
  workflow?: WorkflowInput;
}

export function useCustomFields(includeArchived: boolean) {
  return useQuery({
    queryKey: ['config', 'custom-fields', includeArchived],
    queryFn: () => get<{ items: CustomField[] }>('/config/custom-fields', { includeArchived: includeArchived ? 'true' : undefined }),
    select: (reply) => reply.items,
  });
}

export function useCompleteness() {
  return useQuery({ queryKey: ['config', 'completeness'], queryFn: () => get<CompletenessConfig>('/config/completeness') });
}

/** Any configuration change refreshes every configuration list (and the customers scored by it). */
function useConfigChange<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all(['config', 'customers', 'workOrderTypes'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}

type Named = { key?: string; name?: string; nameEn?: string; archived?: boolean };

export const useSaveCategorySet = () =>
  useConfigChange(({ isNew, key, ...body }: Named & { isNew: boolean }) =>
    isNew ? post('/config/category-sets', { key, ...body }) : patch(`/config/category-sets/${key}`, body),
  );
export const useSaveCategoryOption = () =>
  useConfigChange(({ setKey, isNew, key, ...body }: Named & { setKey: string; isNew: boolean }) =>
    isNew
      ? post(`/config/category-sets/${setKey}/options`, { key, ...body })
      : patch(`/config/category-sets/${setKey}/options/${key}`, body),
  );
export const useSaveServiceTier = () =>
  useConfigChange(({ isNew, key, ...body }: Named & { isNew: boolean; rank?: number }) =>
    isNew ? post('/config/service-tiers', { key, ...body }) : patch(`/config/service-tiers/${key}`, body),
  );
export const useSaveCustomField = () =>
  useConfigChange(({ id, ...body }: Partial<Omit<CustomField, 'id'>> & { id?: string }) =>
    id ? patch(`/config/custom-fields/${id}`, body) : post('/config/custom-fields', body),
  );
export const useSetCompleteness = () =>
  useConfigChange((requiredFields: string[]) => put<CompletenessConfig>('/config/completeness', { requiredFields }));
export const useSaveWorkOrderType = () =>
  useConfigChange(({ isNew, key, ...body }: WorkOrderTypeInput & { isNew: boolean }) =>
    isNew ? post('/work-order-types', { key, ...body }) : patch(`/work-order-types/${key}`, body),
  );
