/** Customer 360 data (/api/v1/customers, contacts, assets, contracts) and the customer configuration it uses. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from './client';
import type { Page } from './types';

export interface NamedRef {
  key: string;
  name: string;
  nameEn: string;
}

export interface CustomerSummary {
  id: string;
  name: string;
  creditCode: string | null;
  province: string;
  city: string;
  county: string;
  phones: string[];
  email: string;
  classification: Record<string, string>;
  tier: NamedRef | null;
  completeness: number;
  archived: boolean;
  createdAt: string;
}

export interface Contact {
  id: string;
  customerId: string;
  name: string;
  phones: string[];
  email: string;
  position: string;
  birthday: string | null;
  notes?: string;
  archived: boolean;
}

export const ASSET_KINDS = ['product', 'device', 'site', 'system'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export interface Asset {
  id: string;
  customerId: string;
  kind: AssetKind;
  name: string;
  model: string;
  serial: string;
  installDate: string | null;
  warrantyEnd: string | null;
  warrantyStatus: 'in_warranty' | 'expired' | 'unknown';
  notes?: string;
  archived: boolean;
}

export interface Contract {
  id: string;
  number: string;
  startsOn: string | null;
  endsOn: string | null;
  status: 'active' | 'expired' | 'not_started';
  serviceTerms: string;
  archived: boolean;
}

export interface Customer extends CustomerSummary {
  address: string;
  notes?: string;
  classificationNames: { setKey: string; setName: string; option: NamedRef }[];
  customFields: Record<string, unknown>;
  contacts: Contact[];
  assets: Asset[];
  contracts: Contract[];
  updatedAt: string;
  abilities: { edit: boolean; archive: boolean; seeAudit: boolean; managePortalAccounts: boolean };
}

export interface CustomerInput {
  name?: string;
  creditCode?: string | null;
  province?: string;
  city?: string;
  county?: string;
  address?: string;
  phones?: string[];
  email?: string;
  notes?: string;
  classification?: Record<string, string | null>;
  tier?: string | null;
  customFields?: Record<string, unknown>;
}

export interface CustomerFilter {
  q?: string;
  tier?: string;
  /** Classification pairs as the API takes them: "scale:large,cooperation:agreement". */
  classification?: string;
  archived?: 'false' | 'true' | 'all';
  page: number;
  pageSize: number;
}

export interface CategorySet extends NamedRef {
  archived: boolean;
  options: (NamedRef & { archived: boolean })[];
}

export interface ServiceTier extends NamedRef {
  rank: number;
  archived: boolean;
}

export function useCustomers(filter: CustomerFilter) {
  return useQuery({
    queryKey: ['customers', filter],
    queryFn: () => get<Page<CustomerSummary>>('/customers', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | undefined) {
  return useQuery({ queryKey: ['customers', 'one', id], queryFn: () => get<Customer>(`/customers/${id}`), enabled: Boolean(id) });
}

export function useCategorySets(includeArchived = false) {
  return useQuery({
    queryKey: ['config', 'category-sets', includeArchived],
    queryFn: () => get<{ items: CategorySet[] }>('/config/category-sets', { includeArchived: includeArchived ? 'true' : undefined }),
    select: (reply) => reply.items,
    staleTime: 300_000,
  });
}

export function useServiceTiers(includeArchived = false) {
  return useQuery({
    queryKey: ['config', 'service-tiers', includeArchived],
    queryFn: () => get<{ items: ServiceTier[] }>('/config/service-tiers', { includeArchived: includeArchived ? 'true' : undefined }),
    select: (reply) => reply.items,
    staleTime: 300_000,
  });
}

function useCustomerChange<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers'] }) });
}

export const useCreateCustomer = () => useCustomerChange((input: CustomerInput) => post<Customer>('/customers', input));
export const useUpdateCustomer = () =>
  useCustomerChange(({ id, ...input }: CustomerInput & { id: string }) => patch<Customer>(`/customers/${id}`, input));
export const useArchiveCustomer = () =>
  useCustomerChange(({ id, archived }: { id: string; archived: boolean }) =>
    post<Customer>(`/customers/${id}/${archived ? 'archive' : 'restore'}`),
  );

export type ContactInput = Partial<Pick<Contact, 'name' | 'phones' | 'email' | 'position' | 'birthday' | 'notes'>>;
export const useSaveContact = () =>
  useCustomerChange(({ customerId, id, ...input }: ContactInput & { customerId: string; id?: string }) =>
    id ? patch<Contact>(`/contacts/${id}`, input) : post<Contact>(`/customers/${customerId}/contacts`, input),
  );

export type AssetInput = Partial<Pick<Asset, 'kind' | 'name' | 'model' | 'serial' | 'installDate' | 'warrantyEnd' | 'notes'>>;
export const useSaveAsset = () =>
  useCustomerChange(({ customerId, id, ...input }: AssetInput & { customerId: string; id?: string }) =>
    id ? patch<Asset>(`/assets/${id}`, input) : post<Asset>(`/customers/${customerId}/assets`, input),
  );

export type ContractInput = Partial<Pick<Contract, 'number' | 'startsOn' | 'endsOn' | 'serviceTerms'>>;
export const useSaveContract = () =>
  useCustomerChange(({ customerId, id, ...input }: ContractInput & { customerId: string; id?: string }) =>
    id ? patch<Contract>(`/contracts/${id}`, input) : post<Contract>(`/customers/${customerId}/contracts`, input),
  );
