/** Create a user, or edit one (the username and password are not edited here). */
import { App, Form, Input, Modal, Select } from 'antd';
import { useCreateUser, useTeams, useUpdateUser, type UserInput } from '../../api/identity';
import { ROLES, type User } from '../../api/types';
import { useApiError } from '../../components/useApiError';
import { LANGS, useT } from '../../i18n';

// Portal accounts belong to a customer and are opened from the customer's page.
const STAFF_ROLES = ROLES.filter((role) => role !== 'customer');

export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<UserInput>();
  const teams = useTeams();
  const create = useCreateUser();
  const update = useUpdateUser();
  const saving = create.isPending || update.isPending;

  const submit = (values: UserInput) => {
    const done = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    if (user) update.mutate({ id: user.id, ...values }, done);
    else create.mutate({ ...values, email: values.email || undefined }, done);
  };

  return (
    <Modal
      open
      title={t(user ? 'user.edit' : 'user.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UserInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="user-form"
        initialValues={
          user
            ? {
                displayName: user.displayName,
                email: user.email,
                phone: user.phone,
                role: user.role,
                locale: user.locale as 'zh-CN' | 'en',
                teamIds: user.teams.map((team) => team.id),
              }
            : { role: 'agent', locale: 'zh-CN', teamIds: [] }
        }
      >
        {user ? null : (
          <Form.Item name="username" label={t('user.username')} rules={[{ required: true, min: 2, max: 64 }]}>
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="user-displayName" />
        </Form.Item>
        {user ? null : (
          <Form.Item
            name="password"
            label={t('user.password')}
            extra={t('user.passwordHint')}
            rules={[{ required: true, min: 8, max: 200 }]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true }]}>
          <Select
            disabled={user?.role === 'customer'}
            options={(user?.role === 'customer' ? ROLES : STAFF_ROLES).map((role) => ({ value: role, label: t(`role.${role}`) }))}
          />
        </Form.Item>
        {user?.role === 'customer' ? null : (
          <Form.Item name="teamIds" label={t('user.teams')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('user.phone')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="locale" label={t('user.locale')}>
          <Select options={LANGS.map((lang) => ({ value: lang, label: t(`lang.${lang}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
