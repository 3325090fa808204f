/** The choices rule rows offer, from the existing APIs (types and their statuses, teams, staff, tiers, classification). */
import { useCategorySets, useServiceTiers } from '../../../api/customers';
import { useStaffOptions, useTeams } from '../../../api/identity';
import { CHANNELS, PRIORITIES, STATUS_CATEGORIES, useWorkOrderTypes } from '../../../api/workOrders';
import { useLocalName } from '../../../components/useLocalName';
import { type MessageKey, useT } from '../../../i18n';

export interface Option {
  value: string;
  label: string;
}

export interface RuleOptions {
  types: Option[];
  priorities: Option[];
  channels: Option[];
  statuses: Option[];
  statusCategories: Option[];
  tiers: Option[];
  teams: Option[];
  users: Option[];
  classificationSets: Array<Option & { options: Option[] }>;
}

export function useRuleOptions(): RuleOptions {
  const t = useT();
  const localName = useLocalName();
  const types = useWorkOrderTypes();
  const teams = useTeams();
  const staff = useStaffOptions('');
  const tiers = useServiceTiers();
  const sets = useCategorySets();
  // Status keys of every type's workflow, named once each.
  const statuses = new Map<string, string>();
  for (const type of types.data ?? []) for (const s of type.workflow.statuses) if (!statuses.has(s.key)) statuses.set(s.key, s.label);
  return {
    types: (types.data ?? []).map((x) => ({ value: x.key, label: x.label })),
    priorities: PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}` as MessageKey) })),
    channels: CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}` as MessageKey) })),
    statuses: [...statuses].map(([value, label]) => ({ value, label })),
    statusCategories: STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`statusCategory.${c}` as MessageKey) })),
    tiers: (tiers.data ?? []).map((x) => ({ value: x.key, label: localName(x) })),
    teams: (teams.data ?? []).map((x) => ({ value: x.id, label: localName(x) })),
    users: (staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
    classificationSets: (sets.data ?? []).map((s) => ({ value: s.key, label: localName(s), options: s.options.map((o) => ({ value: o.key, label: localName(o) })) })),
  };
}
