/** Who I am (name, role, teams) and changing my own password. */
import { App, Button, Card, Descriptions, Flex, Form, Input, Tag } from 'antd';
import { useSetPassword } from '../api/identity';
import { useCurrentUser } from '../auth/useMe';
import { RoleTag } from '../components/RoleTag';
import { useApiError } from '../components/useApiError';
import { useT } from '../i18n';

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
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('user.username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('user.displayName')}>{me.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('user.role')}>
            <RoleTag role={me.role} />
          </Descriptions.Item>
          <Descriptions.Item label={t('user.teams')}>
            {me.teams.map((team) => (
              <Tag key={team.id}>{team.name}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('user.email')}>{me.email}</Descriptions.Item>
          <Descriptions.Item label={t('user.phone')}>{me.phone}</Descriptions.Item>
        </Descriptions>
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
    </Flex>
  );
}
