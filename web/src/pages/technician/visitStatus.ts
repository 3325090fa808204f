import type { VisitStatus } from '../../api/repairs';
import type { MessageKey } from '../../i18n';

export function visitStatusKey(status: VisitStatus): MessageKey {
  return `technician.visit.${status}` as MessageKey;
}
