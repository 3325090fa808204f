/** 系统管理 › 团队: create, rename and archive teams, and set their members and leads. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTeams, useUpdateTeam } from '../../api/identity';
import type { Team } from '../../api/types';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { TeamFormModal } from './TeamFormModal';
import { TeamMembersModal } from './TeamMembersModal';

export default function TeamsPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [membersOf, setMembersOf] = useState<Team | null>(null);
  const teams = useTeams(showArchived);
  const update = useUpdateTeam();

  const setArchived = (team: Team, archived: boolean) =>
    update.mutate({ id: team.id, archived }, { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) });

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.admin.teams')}
        </Typography.Title>
        <Space wrap>
          <Space>
            <Switch size="small" checked={showArchived} onChange={setShowArchived} />
            {t('team.showArchived')}
          </Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="team-create">
            {t('team.create')}
          </Button>
        </Space>
      </Flex>
      <Table<Team>
        rowKey="id"
        size="middle"
        loading={teams.isFetching}
        dataSource={teams.data}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('team.name'), dataIndex: 'name' },
          { title: t('team.nameEn'), dataIndex: 'nameEn' },
          {
            title: t('team.members'),
            key: 'members',
            render: (_, team) => t('team.memberCount', { count: team.members.length }),
          },
          {
            title: t('team.leads'),
            key: 'leads',
            render: (_, team) =>
              team.members.filter((member) => member.isLead).map((member) => <Tag key={member.userId}>{member.displayName}</Tag>),
          },
          {
            title: t('team.status'),
            dataIndex: 'archived',
            render: (archived: boolean) => (archived ? <Tag>{t('team.archived')}</Tag> : <Tag color="green">{t('team.active')}</Tag>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, team) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(team)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setMembersOf(team)} data-testid={`team-members-${team.name}`}>
                  {t('team.editMembers')}
                </Button>
                {team.archived ? (
                  <Button type="link" size="small" onClick={() => setArchived(team, false)}>
                    {t('team.restore')}
                  </Button>
                ) : (
                  <Popconfirm title={t('team.archiveConfirm', { name: team.name })} onConfirm={() => setArchived(team, true)}>
                    <Button type="link" size="small" danger>
                      {t('team.archive')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing ? <TeamFormModal team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {membersOf ? <TeamMembersModal team={membersOf} onClose={() => setMembersOf(null)} /> : null}
    </Card>
  );
}
