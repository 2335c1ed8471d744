import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useLiveQuery } from '../../db/live';
import { getSession } from '../../db/sessions-repo';
import { getCourse } from '../../db/courses-repo';
import { sessionEligibility, type EligibilityRow } from '../../db/eligibility-repo';
import { AssessmentEntryError, saveSessionAssessments } from '../../db/assessment-repo';
import { assessmentPassed, MAX_ASSESSMENT_SCORE, scoreDecides } from '../../domain/assessment';
import { useI18n } from '../../i18n/i18n';
import { MaskedId } from '../../ui/MaskedId';
import { formatHours } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { INELIGIBLE_REASON_LABEL } from './reason-labels';

interface Draft {
  score?: number;
  passed?: boolean;
}

type PassChoice = 'passed' | 'failed' | 'none';

const toChoice = (passed: boolean | undefined): PassChoice =>
  passed === undefined ? 'none' : passed ? 'passed' : 'failed';

function draftsOf(rows: readonly EligibilityRow[]): Map<string, Draft> {
  return new Map(
    rows.map((r) => [
      r.personId,
      {
        ...(r.assessment?.score !== undefined ? { score: r.assessment.score } : {}),
        ...(r.assessment ? { passed: r.assessment.passed } : {}),
      },
    ]),
  );
}

/**
 * 考核结果 on a session's page: everyone enrolled with a score and pass/fail. Where a score is typed and the course
 * has a pass score, pass/fail follows from it (and cannot be set against it); otherwise it is chosen directly.
 * Enter in a score moves to the next person's score, so a marked stack of papers is typed in without the mouse.
 * Saving writes every row in one transaction. Shown for courses that require an assessment or keep scores, and
 * wherever results were already recorded.
 */
export function AssessmentCard(props: { sessionId: string }) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  const data = useLiveQuery(async () => {
    const session = await getSession(ctx, props.sessionId);
    if (!session) return undefined;
    const [course, rows] = await Promise.all([
      getCourse(ctx, session.courseId),
      sessionEligibility(ctx, props.sessionId),
    ]);
    return { course, rows };
  }, [ctx, props.sessionId]);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  const rows = useMemo(() => data?.rows ?? [], [data]);
  // Stored results replace the drafts whenever they change, unless the coordinator is in the middle of typing.
  useEffect(() => {
    if (!dirty) setDrafts(draftsOf(rows));
  }, [rows, dirty]);

  if (!data) return null;
  const { course } = data;
  const passScore = course?.passScore;
  const shown =
    course?.assessmentRequired === true || passScore !== undefined || rows.some((r) => r.assessment);
  if (!shown) return null;

  const update = (personId: string, patch: Draft) => {
    setDrafts((current) => {
      const next = new Map(current);
      const merged: Draft = { ...next.get(personId), ...patch };
      if (merged.score === undefined) delete merged.score;
      if (merged.passed === undefined) delete merged.passed;
      next.set(personId, merged);
      return next;
    });
    setDirty(true);
  };

  const save = async () => {
    setSaving(true);
    try {
      const entries = rows.map((r) => ({ personId: r.personId, ...drafts.get(r.personId) }));
      const { changed } = await saveSessionAssessments(ctx, props.sessionId, entries);
      setDirty(false);
      void message.success(t('assessment.saved', { count: changed }));
    } catch (error) {
      if (error instanceof AssessmentEntryError) {
        void message.error(
          t(error.problem === 'invalid-score' ? 'assessment.invalidScore' : 'assessment.notEnrolled'),
        );
        return;
      }
      throw error;
    } finally {
      setSaving(false);
    }
  };

  const focusScore = (index: number) => {
    const next = document.querySelector<HTMLInputElement>(`input[data-assessment-row="${index}"]`);
    next?.focus();
    next?.select();
  };

  const recorded = rows.filter((r) => r.assessment).length;
  const passedCount = rows.filter((r) => r.assessment?.passed).length;

  return (
    <Card
      title={t('assessment.title')}
      extra={
        <Space>
          <Typography.Text type="secondary">
            {t('assessment.summary', { recorded, total: rows.length, passed: passedCount })}
          </Typography.Text>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={saving}
            onClick={() => void save()}
          >
            {t('assessment.save')}
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          (course?.assessmentRequired ? t('assessment.required') : t('assessment.notRequired')) +
          ' ' +
          (passScore !== undefined
            ? t('assessment.passScoreRule', { score: passScore })
            : t('assessment.noPassScore'))
        }
      />
      <Table<EligibilityRow>
        rowKey="personId"
        dataSource={rows}
        size="small"
        pagination={false}
        scroll={rows.length > 20 ? { y: 560 } : undefined}
        columns={[
          { title: t('common.seq'), key: 'seq', width: 56, render: (_, __, i) => i + 1 },
          { title: t('people.name'), key: 'name', dataIndex: 'name' },
          {
            title: t('people.idNumber'),
            key: 'id',
            render: (_, r) => <MaskedId value={r.idNumber} name={r.name} />,
          },
          {
            title: t('sessions.hoursCredited'),
            key: 'hours',
            width: 110,
            render: (_, r) => `${formatHours(r.hoursCredited)} / ${formatHours(r.sessionHours)}`,
          },
          {
            title: t('assessment.score'),
            key: 'score',
            width: 130,
            render: (_, r, i) => (
              <InputNumber
                aria-label={t('assessment.scoreFor', { name: r.name })}
                data-assessment-row={i}
                min={0}
                max={MAX_ASSESSMENT_SCORE}
                step={0.5}
                style={{ width: 110 }}
                value={drafts.get(r.personId)?.score ?? null}
                onChange={(value) => update(r.personId, { score: value ?? undefined })}
                onPressEnter={(e) => {
                  e.preventDefault();
                  focusScore(i + 1);
                }}
              />
            ),
          },
          {
            title: t('assessment.result'),
            key: 'passed',
            width: 230,
            render: (_, r) => {
              const draft = drafts.get(r.personId) ?? {};
              const decided = scoreDecides(draft.score, passScore);
              const value = toChoice(assessmentPassed(draft, passScore));
              return (
                <Radio.Group
                  aria-label={t('assessment.resultFor', { name: r.name })}
                  optionType="button"
                  buttonStyle="solid"
                  size="small"
                  disabled={decided}
                  value={value}
                  onChange={(e) => {
                    const choice = e.target.value as PassChoice;
                    update(r.personId, { passed: choice === 'none' ? undefined : choice === 'passed' });
                  }}
                  options={[
                    { value: 'passed', label: t('assessment.passed') },
                    { value: 'failed', label: t('assessment.failed') },
                    { value: 'none', label: t('assessment.none') },
                  ]}
                />
              );
            },
          },
          {
            title: t('assessment.certificate'),
            key: 'eligible',
            render: (_, r) =>
              r.certificateId ? (
                <Tag color="green">{t('assessment.issued')}</Tag>
              ) : r.eligible ? (
                <Tag color="blue">{t('assessment.eligible')}</Tag>
              ) : (
                <Space size={4} wrap>
                  {r.reasons.map((reason) => (
                    <Tag key={reason} color={reason.startsWith('assessment') ? 'orange' : 'default'}>
                      {t(INELIGIBLE_REASON_LABEL[reason])}
                    </Tag>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
