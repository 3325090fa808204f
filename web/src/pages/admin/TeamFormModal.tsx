/** Create a team or rename one (Chinese and English names, description). */
import { App, Form, Input, Modal } from 'antd';
import { type TeamInput, useCreateTeam, useUpdateTeam } from '../../api/identity';
import type { Team } from '../../api/types';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function TeamFormModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<TeamInput>();
  const create = useCreateTeam();
  const update = useUpdateTeam();

  const submit = (values: TeamInput) => {
    const done = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    if (team) update.mutate({ id: team.id, ...values }, done);
    else create.mutate(values, done);
  };

  return (
    <Modal
      open
      title={t(team ? 'team.edit' : 'team.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<TeamInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="team-form"
        initialValues={team ? { name: team.name, nameEn: team.nameEn, description: team.description } : {}}
      >
        <Form.Item name="name" label={t('team.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="team-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('team.nameEn')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('team.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
