/** Log in with username and password; the server's message (wrong password, lockout) is shown as it is. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { homePath, useLogin, useMe } from '../auth/useMe';
import { LangSwitch } from '../components/LangSwitch';
import { useT } from '../i18n';

/** Only same-site paths are followed after login, never another origin. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    if (login.data) navigate(next ?? homePath(login.data), { replace: true });
  }, [login.data, navigate, next]);

  if (me && !login.data) return <Navigate to={next ?? homePath(me)} replace />;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 380 }}>
        <LangSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.shortName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.subtitle')}
        </Typography.Paragraph>
        {login.error ? (
          <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form layout="vertical" onFinish={(values: { username: string; password: string }) => login.mutate(values)} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
