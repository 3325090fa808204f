/** Replace a team's member list in one go, marking who leads it. */
import { App, Button, Modal, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { useSetTeamMembers, useStaffOptions } from '../../api/identity';
import type { Team, TeamMember } from '../../api/types';
import { RoleTag } from '../../components/RoleTag';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function TeamMembersModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [members, setMembers] = useState<TeamMember[]>(team.members);
  const [search, setSearch] = useState('');
  const staff = useStaffOptions(search);
  const save = useSetTeamMembers();

  const candidates = (staff.data ?? []).filter((user) => !members.some((member) => member.userId === user.id));
  const add = (userIds: string[]) => {
    const picked = (staff.data ?? []).filter((user) => userIds.includes(user.id));
    setMembers((list) => [
      ...list,
      ...picked.map((user) => ({ userId: user.id, displayName: user.displayName, role: user.role, isLead: false })),
    ]);
  };
  const setLead = (userId: string, isLead: boolean) =>
    setMembers((list) => list.map((member) => (member.userId === userId ? { ...member, isLead } : member)));

  return (
    <Modal
      open
      width={640}
      title={t('team.membersOf', { name: team.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() =>
        save.mutate(
          { id: team.id, members: members.map(({ userId, isLead }) => ({ userId, isLead })) },
          {
            onSuccess: () => {
              message.success(t('common.saved'));
              onClose();
            },
            onError: (e) => showError(e),
          },
        )
      }
    >
      <Select
        mode="multiple"
        value={[]}
        placeholder={t('team.addMembers')}
        style={{ width: '100%', marginBottom: 12 }}
        showSearch={{ filterOption: false, onSearch: setSearch }}
        options={candidates.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
        onChange={add}
        data-testid="team-add-members"
      />
      <Table<TeamMember>
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={members}
        columns={[
          { title: t('user.displayName'), dataIndex: 'displayName' },
          { title: t('user.role'), dataIndex: 'role', render: (role: TeamMember['role']) => <RoleTag role={role} /> },
          {
            title: t('team.isLead'),
            dataIndex: 'isLead',
            render: (isLead: boolean, member) => <Switch size="small" checked={isLead} onChange={(on) => setLead(member.userId, on)} />,
          },
          {
            title: t('common.actions'),
            key: 'remove',
            render: (_, member) => (
              <Button type="link" size="small" danger onClick={() => setMembers((list) => list.filter((m) => m.userId !== member.userId))}>
                {t('team.removeMember')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
