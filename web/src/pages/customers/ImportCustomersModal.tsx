/**
 * Customer import: pick an XLSX or CSV file → the server's preview (cells with
 * errors marked, counts) → import the rows without errors in chunks with a
 * progress bar → a summary. Each chunk is written whole or not at all.
 */
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Modal, Progress, Table, Tooltip, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { chunksOf, commitImport, download, IMPORT_MAX_MB, type ImportPreview, previewImport, type RowError } from '../../api/customerImport';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';

type Stage = 'pick' | 'preview' | 'running' | 'done';

interface Outcome {
  created: number;
  contacts: number;
  failed: RowError[];
}

export function ImportCustomersModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>('pick');
  const [loading, setLoading] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>({ created: 0, contacts: 0, failed: [] });

  const readyRows = useMemo(() => (preview?.items ?? []).reduce((n, item) => n + item.rows.length, 0), [preview]);
  const errorsByRow = useMemo(() => {
    const map = new Map<number, RowError[]>();
    for (const e of preview?.errors ?? []) map.set(e.row, [...(map.get(e.row) ?? []), e]);
    return map;
  }, [preview]);
  const errorRows = errorsByRow.size;

  const pick = async (file: File) => {
    if (file.size > IMPORT_MAX_MB * 1024 * 1024) {
      showError(new ApiError(413, 'PAYLOAD_TOO_LARGE', t('import.tooLarge', { mb: IMPORT_MAX_MB })));
      return;
    }
    setLoading(true);
    try {
      setPreview(await previewImport(file));
      setStage('preview');
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  };

  const run = async () => {
    if (!preview) return;
    setStage('running');
    const result: Outcome = { created: 0, contacts: 0, failed: [] };
    for (const chunk of chunksOf(preview.items)) {
      try {
        const reply = await commitImport(chunk);
        result.created += reply.created;
        result.contacts += reply.contacts;
      } catch (error) {
        const details = error instanceof ApiError ? (error.details as { errors?: RowError[] } | undefined) : undefined;
        const message = error instanceof Error ? error.message : String(error);
        // The chunk was not written: every row of it is counted as skipped.
        const rows = chunk.flatMap((item) => item.rows);
        result.failed.push(...(details?.errors ?? rows.map((row) => ({ row, field: '', code: 'CHUNK_FAILED', message }))));
      }
      setDone((n) => n + chunk.reduce((sum, item) => sum + item.rows.length, 0));
      setOutcome({ ...result });
    }
    await queryClient.invalidateQueries({ queryKey: ['customers'] });
    setStage('done');
  };

  const dataColumns = (preview?.columns ?? [])
    .filter((c): c is { header: string; field: string } => c.field !== null)
    .map((c) => ({
      title: c.header,
      key: c.field,
      ellipsis: true,
      render: (_: unknown, r: ImportPreview['rows'][number]) => {
        const error = errorsByRow.get(r.row)?.find((e) => e.field === c.field);
        const text = r.values[c.field] ?? '';
        if (!error) return text;
        return (
          <Tooltip title={error.message}>
            <Typography.Text type="danger" data-testid="import-cell-error" style={{ background: '#fff1f0', display: 'block' }}>
              {text || '—'}
            </Typography.Text>
          </Tooltip>
        );
      },
    }));

  return (
    <Modal
      open
      width={1100}
      title={t('import.title')}
      onCancel={stage === 'running' ? undefined : onClose}
      closable={stage !== 'running'}
      mask={{ closable: false }}
      footer={
        stage === 'preview' ? (
          <Flex justify="end" gap={8}>
            <Button onClick={() => setStage('pick')}>{t('import.another')}</Button>
            <Button type="primary" disabled={!preview?.items.length} onClick={run} data-testid="import-start">
              {t('import.start', { count: readyRows })}
            </Button>
          </Flex>
        ) : stage === 'done' ? (
          <Button type="primary" onClick={onClose} data-testid="import-close">
            {t('import.close')}
          </Button>
        ) : null
      }
    >
      {stage === 'pick' ? (
        <Flex vertical gap={12}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={loading}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{loading ? t('common.loading') : t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.hint', { mb: IMPORT_MAX_MB })}</p>
          </Upload.Dragger>
          <Typography.Text type="secondary">
            {t('import.templateHint')}{' '}
            <Typography.Link onClick={() => download('/customers/import/template', { format: 'xlsx' }).catch(showError)}>
              {t('import.template')}
            </Typography.Link>
          </Typography.Text>
        </Flex>
      ) : null}

      {stage === 'preview' && preview ? (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'total', label: t('import.totalRows'), children: preview.totalRows },
              { key: 'ready', label: t('import.readyRows'), children: <span data-testid="import-ready">{readyRows}</span> },
              { key: 'errors', label: t('import.errorRows'), children: <Typography.Text type={errorRows ? 'danger' : undefined}>{errorRows}</Typography.Text> },
            ]}
          />
          {preview.columns.some((c) => c.field === null) ? (
            <Alert
              type="info"
              title={t('import.ignoredColumns', { columns: preview.columns.filter((c) => c.field === null).map((c) => c.header).join('、') })}
            />
          ) : null}
          <Table
            rowKey="row"
            size="small"
            dataSource={preview.rows}
            scroll={{ x: 'max-content', y: 360 }}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={[{ title: t('import.row'), dataIndex: 'row', width: 64, fixed: 'left' }, ...dataColumns]}
          />
        </Flex>
      ) : null}

      {stage === 'running' || stage === 'done' ? (
        <Flex vertical gap={12}>
          <Progress percent={readyRows ? Math.round((done / readyRows) * 100) : 100} data-testid="import-progress" />
          <Typography.Text>{t('import.progress', { done, total: readyRows })}</Typography.Text>
          {stage === 'done' ? (
            <Alert
              type={outcome.failed.length || errorRows ? 'warning' : 'success'}
              data-testid="import-summary"
              title={t('import.summary', {
                created: outcome.created,
                contacts: outcome.contacts,
                skipped: errorRows + new Set(outcome.failed.map((e) => e.row)).size,
              })}
              description={
                errorRows || outcome.failed.length ? (
                  <ul>
                    {[...(preview?.errors ?? []), ...outcome.failed].slice(0, 50).map((e) => (
                      // Unique: the server reports one error per row, field and code.
                      <li key={`${e.row}-${e.field}-${e.code}`}>{t('import.rowError', { row: e.row, message: e.message })}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          ) : null}
        </Flex>
      ) : null}
    </Modal>
  );
}
