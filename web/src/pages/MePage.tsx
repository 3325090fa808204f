/** Who I am (name, role, teams), changing my own password, and which notifications I want. */
import { App, Button, Card, Descriptions, Flex, Form, Input, Tag } from 'antd';
import { useSetPassword } from '../api/identity';
import { useCurrentUser } from '../auth/useMe';
import { RoleTag } from '../components/RoleTag';
import { useApiError } from '../components/useApiError';
import { useT } from '../i18n';
import { NotificationPreferencesCard } from './me/NotificationPreferencesCard';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function MePage() {
  const t = useT();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<PasswordForm>();
  const setPassword = useSetPassword();

  return (
    <Flex vertical gap={16}>
      <Card title={t('me.profile')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: '0', label: t('user.username'), children: me.username },
            { key: '1', label: t('user.displayName'), children: me.displayName },
            { key: '2', label: t('user.role'), children: <RoleTag role={me.role} /> },
            { key: '3', label: t('user.teams'), children: me.teams.map((team) => <Tag key={team.id}>{team.name}</Tag>) },
            { key: '4', label: t('user.email'), children: me.email },
            { key: '5', label: t('user.phone'), children: me.phone },
          ]}
        />
      </Card>
      <Card title={t('me.changePassword')}>
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          style={{ maxWidth: 400 }}
          onFinish={({ currentPassword, newPassword }) =>
            setPassword.mutate(
              { id: me.id, currentPassword, newPassword },
              {
                onSuccess: () => {
                  message.success(t('me.passwordChanged'));
                  form.resetFields();
                },
                onError: (e) => showError(e, form),
              },
            )
          }
        >
          <Form.Item name="currentPassword" label={t('me.currentPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('me.newPassword')}
            extra={t('user.passwordHint')}
            rules={[{ required: true, min: 8, max: 200 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('me.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('me.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={setPassword.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      {me.role === 'customer' ? null : <NotificationPreferencesCard />}
    </Flex>
  );
}
