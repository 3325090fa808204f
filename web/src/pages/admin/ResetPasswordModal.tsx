/** An administrator sets a new password for someone; their other sessions end on the server. */
import { App, Form, Input, Modal } from 'antd';
import { useSetPassword } from '../../api/identity';
import type { User } from '../../api/types';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ newPassword: string }>();
  const setPassword = useSetPassword();
  return (
    <Modal
      open
      title={t('user.resetPasswordFor', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setPassword.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ newPassword }) =>
          setPassword.mutate(
            { id: user.id, newPassword },
            {
              onSuccess: () => {
                message.success(t('user.passwordReset'));
                onClose();
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item
          name="newPassword"
          label={t('me.newPassword')}
          extra={t('user.passwordHint')}
          rules={[{ required: true, min: 8, max: 200 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
