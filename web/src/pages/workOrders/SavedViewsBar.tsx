/** Pick one of my saved views, save the current filters as a new one, or delete the one in use. */
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { type SavedFilters, type SavedView, useCreateSavedView, useDeleteSavedView, useSavedViews } from '../../api/savedViews';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

export function SavedViewsBar({
  current,
  filters,
  onOpen,
}: {
  current: SavedView | null;
  filters: SavedFilters;
  onOpen: (view: SavedView | null) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const views = useSavedViews();
  const create = useCreateSavedView();
  const remove = useDeleteSavedView();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  // Only filters that are set are stored, as the list query spells them.
  const stored = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''));
  const save = () =>
    create.mutate(
      { name, filters: stored },
      {
        onSuccess: (view) => {
          message.success(t('common.saved'));
          setNaming(false);
          setName('');
          onOpen(view);
        },
        onError: (e) => showError(e),
      },
    );

  return (
    <Space wrap>
      <Select
        allowClear
        placeholder={t('savedView.placeholder')}
        style={{ width: 180 }}
        value={current?.id}
        options={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
        onChange={(id?: string) => onOpen(views.data?.find((view) => view.id === id) ?? null)}
        data-testid="saved-views"
      />
      <Button icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="saved-view-save">
        {t('savedView.save')}
      </Button>
      {current ? (
        <Popconfirm
          title={t('savedView.deleteConfirm', { name: current.name })}
          onConfirm={() => remove.mutate(current.id, { onSuccess: () => onOpen(null), onError: (e) => showError(e) })}
        >
          <Button icon={<DeleteOutlined />} aria-label={t('savedView.delete')} danger />
        </Popconfirm>
      ) : null}
      <Modal
        open={naming}
        title={t('savedView.save')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !name.trim() }}
        confirmLoading={create.isPending}
        onOk={save}
        onCancel={() => setNaming(false)}
      >
        <Input
          value={name}
          maxLength={50}
          placeholder={t('savedView.name')}
          onChange={(e) => setName(e.target.value)}
          data-testid="saved-view-name"
        />
      </Modal>
    </Space>
  );
}
