import { Tag } from 'antd';
import type { Role } from '../api/types';
import { useT } from '../i18n';

const COLORS: Record<Role, string> = {
  admin: 'red',
  manager: 'gold',
  agent: 'blue',
  technician: 'green',
  quality: 'purple',
  customer: 'default',
};

export function RoleTag({ role }: { role: Role }) {
  const t = useT();
  return <Tag color={COLORS[role]}>{t(`role.${role}`)}</Tag>;
}
