import type { AssessmentResult } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { formatHours } from '../../ui/format';

/** A course outline (one topic per line) as one line of text for a table cell. */
export function outlineText(outline: string | undefined): string {
  return (outline ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('；');
}

/** 合格 (86分) / 不合格 / — */
export function AssessmentText(props: { assessment?: Pick<AssessmentResult, 'passed' | 'score'> }) {
  const { t } = useI18n();
  const { assessment } = props;
  if (!assessment) return <>—</>;
  const verdict = t(assessment.passed ? 'assessment.passed' : 'assessment.failed');
  return (
    <>
      {assessment.score !== undefined
        ? t('archive.scoreVerdict', { verdict, score: formatHours(assessment.score) })
        : verdict}
    </>
  );
}
