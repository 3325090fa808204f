/** 系统管理 › 用户: find, create, edit, disable and reset the password of accounts. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type UserFilter, useTeams, useUpdateUser, useUsers } from '../../api/identity';
import { ROLES, type Role, type User } from '../../api/types';
import { useCurrentUser } from '../../auth/useMe';
import { RoleTag } from '../../components/RoleTag';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

export default function UsersPage() {
  const t = useT();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useUsers(filter);
  const teams = useTeams();
  const update = useUpdateUser();
  const refine = (change: Partial<UserFilter>) => setFilter((f) => ({ ...f, ...change, page: 1 }));

  const setDisabled = (user: User, disabled: boolean) =>
    update.mutate({ id: user.id, disabled }, { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) });

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.admin.users')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
          {t('user.create')}
        </Button>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('user.searchPlaceholder')}
          onSearch={(q) => refine({ q: q || undefined })}
          style={{ width: 260 }}
          data-testid="user-search"
        />
        <Select
          allowClear
          placeholder={t('user.filterRole')}
          style={{ width: 140 }}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          onChange={(role?: Role) => refine({ role })}
        />
        <Select
          allowClear
          placeholder={t('user.filterTeam')}
          style={{ width: 160 }}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          onChange={(teamId?: string) => refine({ teamId })}
        />
        <Space>
          <Switch size="small" onChange={(includeDisabled) => refine({ includeDisabled })} />
          {t('user.includeDisabled')}
        </Space>
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items}
        scroll={{ x: 900 }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: users.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        columns={[
          { title: t('user.username'), dataIndex: 'username' },
          { title: t('user.displayName'), dataIndex: 'displayName' },
          { title: t('user.role'), dataIndex: 'role', render: (role: Role) => <RoleTag role={role} /> },
          {
            title: t('user.teams'),
            dataIndex: 'teams',
            render: (list: User['teams']) =>
              list.map((team) => (
                <Tag key={team.id} color={team.isLead ? 'blue' : undefined}>
                  {team.name}
                </Tag>
              )),
          },
          { title: t('user.phone'), dataIndex: 'phone' },
          {
            title: t('user.status'),
            dataIndex: 'disabled',
            render: (disabled: boolean) => (disabled ? <Tag>{t('user.disabled')}</Tag> : <Tag color="green">{t('user.active')}</Tag>),
          },
          {
            title: t('user.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (at: string | null) => (at ? new Date(at).toLocaleString() : t('common.never')),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, user) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(user)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(user)}>
                  {t('user.resetPassword')}
                </Button>
                {user.id === me.id ? null : user.disabled ? (
                  <Button type="link" size="small" onClick={() => setDisabled(user, false)}>
                    {t('user.enable')}
                  </Button>
                ) : (
                  <Popconfirm title={t('user.disableConfirm', { name: user.displayName })} onConfirm={() => setDisabled(user, true)}>
                    <Button type="link" size="small" danger>
                      {t('user.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing ? <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </Card>
  );
}
