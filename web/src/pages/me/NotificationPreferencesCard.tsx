/** 个人中心 → which events reach me in the bell; each switch saves at once. */
import { App, Card, Flex, Switch, Typography } from 'antd';
import { NOTIFICATION_KINDS, useNotificationPreferences, useSaveNotificationPreferences } from '../../api/notifications';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function NotificationPreferencesCard() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  return (
    <Card title={t('notifications.prefs.title')} loading={prefs.isLoading} data-testid="notification-preferences">
      <Typography.Paragraph type="secondary">{t('notifications.prefs.hint')}</Typography.Paragraph>
      <Flex vertical gap={10}>
        {NOTIFICATION_KINDS.map((kind) => (
          <Flex key={kind} align="center" gap={10}>
            <Switch
              checked={prefs.data?.inApp[kind] ?? true}
              loading={save.isPending && save.variables?.[kind] !== undefined}
              data-testid={`notification-pref-${kind}`}
              onChange={(on) =>
                save.mutate({ [kind]: on }, { onSuccess: () => message.success(t('notifications.prefs.saved')), onError: (e) => showError(e) })
              }
            />
            <Typography.Text>{t(`notifications.pref.${kind}`)}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
