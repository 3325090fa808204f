/**
 * The complaint (投诉) part of a complaint work order: register fields, the
 * first-reply deadline, responsibility and root cause, actions, quality's
 * verification, the final reply and the customer's satisfaction. The server's
 * abilities decide which parts are editable.
 */
import { Alert, App, Button, Card, Descriptions, Divider, Flex, Input, Radio, Rate, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  type Complaint,
  RECEIVED_VIA,
  useComplaint,
  useDecideResponsibility,
  useFinalReply,
  useRateComplaint,
  useUpdateComplaint,
  useVerifyComplaint,
} from '../../api/complaints';
import { useApiError } from '../../components/useApiError';
import { useT } from '../../i18n';
import { ComplaintActions } from './ComplaintActions';

function hours(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}h ${m}m`;
}

function FirstReplyTag({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const { state, seconds, dueAt } = complaint.firstReply;
  const color = state === 'met' ? 'green' : state === 'overdue' ? 'red' : 'orange';
  return (
    <Tag color={color} data-testid="first-reply-state">
      {t(`complaint.firstReply.${state}`, { time: hours(seconds), due: new Date(dueAt).toLocaleString() })}
    </Tag>
  );
}

export function ComplaintPanel({ workOrderId }: { workOrderId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const query = useComplaint(workOrderId);
  const update = useUpdateComplaint();
  const decide = useDecideResponsibility();
  const verify = useVerifyComplaint();
  const finalReply = useFinalReply();
  const rate = useRateComplaint();
  const c = query.data;
  const [form, setForm] = useState({ complainantName: '', complainantContact: '', receivedVia: 'phone', content: '', rootCause: '' });
  const [fault, setFault] = useState<{ companyAtFault?: boolean; explanation: string }>({ explanation: '' });
  const [check, setCheck] = useState({ effective: true, notes: '' });
  const [reply, setReply] = useState('');
  const [score, setScore] = useState({ score: 0, comment: '' });

  useEffect(() => {
    if (!c) return;
    setForm({ complainantName: c.complainantName, complainantContact: c.complainantContact, receivedVia: c.receivedVia, content: c.content, rootCause: c.rootCause ?? '' });
    setFault({ companyAtFault: c.responsibility?.companyAtFault, explanation: c.responsibility?.explanation ?? '' });
    setScore({ score: c.satisfaction?.score ?? 0, comment: c.satisfaction?.comment ?? '' });
  }, [c]);

  if (!c) return null;
  const done = { onSuccess: () => message.success(t('common.saved')), onError: (e: unknown) => showError(e) };
  const edit = c.abilities.edit;

  return (
    <Card title={t('complaint.title')} extra={<FirstReplyTag complaint={c} />} data-testid="complaint-panel">
      <Flex vertical gap={12}>
        {c.repeat ? (
          <Alert type="warning" showIcon data-testid="complaint-repeat" title={t('complaint.repeat', { numbers: (c.earlierComplaints ?? []).map((e) => e.number).join(', ') })} />
        ) : null}
        {edit ? (
          <Flex vertical gap={8}>
            <Flex gap={8} wrap>
              <Input style={{ flex: 1 }} maxLength={100} value={form.complainantName} placeholder={t('complaint.complainantName')} onChange={(e) => setForm({ ...form, complainantName: e.target.value })} />
              <Input style={{ flex: 1 }} maxLength={200} value={form.complainantContact} placeholder={t('complaint.complainantContact')} onChange={(e) => setForm({ ...form, complainantContact: e.target.value })} />
              <Select
                style={{ width: 120 }}
                value={form.receivedVia}
                options={RECEIVED_VIA.map((v) => ({ value: v, label: t(`complaint.via.${v}`) }))}
                onChange={(receivedVia) => setForm({ ...form, receivedVia })}
              />
            </Flex>
            <Input.TextArea rows={2} maxLength={10000} value={form.content} placeholder={t('complaint.content')} onChange={(e) => setForm({ ...form, content: e.target.value })} />
            <Input.TextArea rows={2} maxLength={10000} value={form.rootCause} placeholder={t('complaint.rootCause')} onChange={(e) => setForm({ ...form, rootCause: e.target.value })} data-testid="complaint-root-cause" />
            <Flex justify="flex-end">
              <Button loading={update.isPending} onClick={() => update.mutate({ id: c.workOrderId, ...form, receivedVia: form.receivedVia as Complaint['receivedVia'] }, done)} data-testid="complaint-save">
                {t('common.save')}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'n', label: t('complaint.complainantName'), children: c.complainantName },
              { key: 'v', label: t('complaint.receivedVia'), children: t(`complaint.via.${c.receivedVia}`) },
              { key: 'a', label: t('complaint.receivedAt'), children: new Date(c.receivedAt).toLocaleString() },
              { key: 'c', label: t('complaint.content'), children: c.content },
            ]}
          />
        )}

        <Divider titlePlacement="start">{t('complaint.responsibility')}</Divider>
        {edit ? (
          <Flex vertical gap={8}>
            <Radio.Group value={fault.companyAtFault} onChange={(e) => setFault({ ...fault, companyAtFault: e.target.value })} data-testid="complaint-fault">
              <Radio value={true}>{t('complaint.atFault')}</Radio>
              <Radio value={false}>{t('complaint.notAtFault')}</Radio>
            </Radio.Group>
            {fault.companyAtFault === false ? (
              <Input.TextArea rows={2} maxLength={5000} value={fault.explanation} placeholder={t('complaint.explanation')} onChange={(e) => setFault({ ...fault, explanation: e.target.value })} />
            ) : null}
            <Flex justify="flex-end">
              <Button
                disabled={fault.companyAtFault === undefined}
                loading={decide.isPending}
                onClick={() => decide.mutate({ id: c.workOrderId, companyAtFault: fault.companyAtFault === true, explanation: fault.explanation || undefined }, done)}
                data-testid="complaint-decide"
              >
                {t('common.save')}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <Typography.Text>
            {c.responsibility ? (c.responsibility.companyAtFault ? t('complaint.atFault') : `${t('complaint.notAtFault')}：${c.responsibility.explanation}`) : '—'}
          </Typography.Text>
        )}

        {c.actions ? (
          <>
            <Divider titlePlacement="start">{t('complaint.actions')}</Divider>
            <ComplaintActions complaint={c} />
          </>
        ) : null}

        {/* The customer's reduced view carries no verification: only staff see that part. */}
        {c.verification !== undefined ? <Divider titlePlacement="start">{t('complaint.verification')}</Divider> : null}
        {c.verification === undefined ? null : c.verification ? (
          <Typography.Text data-testid="complaint-verification">
            {c.verification.effective ? t('complaint.effective') : t('complaint.notEffective')}
            {c.verification.notes ? `：${c.verification.notes}` : ''}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('complaint.notVerified')}</Typography.Text>
        )}
        {c.abilities.verify ? (
          <Flex gap={8} wrap align="center">
            <Radio.Group value={check.effective} onChange={(e) => setCheck({ ...check, effective: e.target.value })}>
              <Radio value={true}>{t('complaint.effective')}</Radio>
              <Radio value={false}>{t('complaint.notEffective')}</Radio>
            </Radio.Group>
            <Input style={{ flex: 1, minWidth: 200 }} maxLength={5000} value={check.notes} placeholder={t('complaint.verificationNotes')} onChange={(e) => setCheck({ ...check, notes: e.target.value })} />
            <Button loading={verify.isPending} onClick={() => verify.mutate({ id: c.workOrderId, ...check }, done)} data-testid="complaint-verify">
              {t('complaint.verify')}
            </Button>
          </Flex>
        ) : null}

        <Divider titlePlacement="start">{t('complaint.finalReply')}</Divider>
        {c.finalReply ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-final-reply-text">
            {c.finalReply.body}
          </Typography.Paragraph>
        ) : null}
        {edit ? (
          <Flex vertical gap={8}>
            <Input.TextArea rows={3} maxLength={20000} value={reply} placeholder={t('complaint.finalReplyPlaceholder')} onChange={(e) => setReply(e.target.value)} data-testid="complaint-final-reply" />
            <Flex justify="flex-end">
              <Button disabled={!reply.trim()} loading={finalReply.isPending} onClick={() => finalReply.mutate({ id: c.workOrderId, body: reply }, { ...done, onSuccess: () => setReply('') })} data-testid="complaint-final-reply-send">
                {t('workOrder.send')}
              </Button>
            </Flex>
          </Flex>
        ) : null}

        <Divider titlePlacement="start">{t('complaint.satisfaction')}</Divider>
        {c.abilities.rate ? (
          <Flex gap={8} wrap align="center">
            <Rate value={score.score} onChange={(value) => setScore({ ...score, score: value })} data-testid="complaint-rate" />
            <Input style={{ flex: 1, minWidth: 200 }} maxLength={2000} value={score.comment} placeholder={t('complaint.satisfactionComment')} onChange={(e) => setScore({ ...score, comment: e.target.value })} />
            <Button disabled={!score.score} loading={rate.isPending} onClick={() => rate.mutate({ id: c.workOrderId, ...score }, done)} data-testid="complaint-rate-save">
              {t('common.save')}
            </Button>
          </Flex>
        ) : (
          <Typography.Text>{c.satisfaction ? `${c.satisfaction.score} / 5 ${c.satisfaction.comment}` : '—'}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
