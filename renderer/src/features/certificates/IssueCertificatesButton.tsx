import { useState } from 'react';
import { Alert, App, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { sessionEligibility, type EligibilityRow } from '../../db/eligibility-repo';
import { issueCertificates, SettingsIncompleteError } from '../../db/certificates-repo';
import { useI18n } from '../../i18n/i18n';
import { MaskedId } from '../../ui/MaskedId';
import { formatHours } from '../../ui/format';
import { useServices } from '../shell/app-context';

/**
 * 颁发证书 on a session's page: a drawer listing everyone enrolled, who is eligible, and for the others why not
 * (hours short, assessment missing or failed); one click issues the whole batch in one transaction.
 */
export function IssueCertificatesButton(props: { sessionId: string }) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const rows = useLiveQuery(
    () => (open ? sessionEligibility(ctx, props.sessionId) : Promise.resolve(undefined)),
    [ctx, props.sessionId, open],
  );
  const certificates = useLiveQuery(
    async () =>
      new Map(
        (await ctx.db.certificates.where('sessionId').equals(props.sessionId).toArray()).map((c) => [
          c.id,
          c.number,
        ]),
      ),
    [ctx, props.sessionId],
  );

  const toIssue = (rows ?? []).filter((r) => r.eligible && !r.certificateId).length;
  const held = (rows ?? []).filter((r) => r.certificateId).length;
  const notEligible = (rows ?? []).filter((r) => !r.eligible && !r.certificateId).length;

  const issue = async () => {
    setBusy(true);
    try {
      const outcome = await issueCertificates(ctx, props.sessionId);
      void message.success(t('certIssue.done', { count: outcome.issued.length }));
    } catch (error) {
      if (error instanceof SettingsIncompleteError) {
        modal.warning({
          title: t('certificates.settingsIncomplete'),
          content: t('certificates.issuingBodyMissing'),
          okText: t('nav.settings'),
          onOk: () => void navigate('/settings'),
        });
        return;
      }
      throw error;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setOpen(true)}>
        {t('certificates.issue')}
      </Button>
      <Drawer
        title={t('certIssue.title')}
        open={open}
        onClose={() => setOpen(false)}
        width={820}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            disabled={toIssue === 0}
            loading={busy}
            onClick={() => void issue()}
          >
            {t('certIssue.issueCount', { count: toIssue })}
          </Button>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {/* No summary until the eligibility is read: "0 eligible" while loading would be a wrong answer. */}
          {rows && (
            <Alert
              type={toIssue > 0 ? 'info' : 'success'}
              showIcon
              message={t('certIssue.summary', { eligible: toIssue, held, notEligible })}
            />
          )}
          <Table<EligibilityRow>
            rowKey="personId"
            size="small"
            loading={!rows}
            dataSource={rows ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('people.name'), dataIndex: 'name' },
              {
                title: t('people.idNumber'),
                key: 'id',
                render: (_, r) => <MaskedId value={r.idNumber} />,
              },
              {
                title: t('certIssue.hours'),
                key: 'hours',
                render: (_, r) => `${formatHours(r.hoursCredited)} / ${formatHours(r.sessionHours)}`,
              },
              {
                title: t('certIssue.assessment'),
                key: 'assessment',
                render: (_, r) =>
                  r.assessment
                    ? `${r.assessment.score ?? ''} ${t(r.assessment.passed ? 'certIssue.passed' : 'certIssue.failed')}`
                    : r.assessmentRequired
                      ? '—'
                      : t('certIssue.notRequired'),
              },
              {
                title: t('certIssue.status'),
                key: 'status',
                render: (_, r) =>
                  r.certificateId ? (
                    <Tag color="blue">
                      {t('certIssue.held')} {certificates?.get(r.certificateId) ?? ''}
                    </Tag>
                  ) : r.eligible ? (
                    <Tag color="success">{t('certIssue.eligible')}</Tag>
                  ) : (
                    <Space size={[0, 4]} wrap>
                      {r.reasons.map((reason) => (
                        <Tag key={reason} color="warning">
                          {t(`certificates.ineligible.${reason}`)}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
          <Typography.Text type="secondary">{t('certIssue.hint')}</Typography.Text>
        </Space>
      </Drawer>
    </>
  );
}
