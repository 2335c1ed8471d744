import { Tag } from 'antd';
import type { Session } from '../../db/records';
import { sessionPhase } from '../../domain/session-days';
import { useI18n } from '../../i18n/i18n';

export function SessionStatusTag(props: { session: Session; today: string }) {
  const { t } = useI18n();
  const { session } = props;
  if (session.status === 'completed') return <Tag color="default">{t('sessions.statusCompleted')}</Tag>;
  if (session.status === 'cancelled') return <Tag color="error">{t('sessions.statusCancelled')}</Tag>;
  const phase = sessionPhase(session.days, props.today);
  if (phase === 'today' || phase === 'in-progress')
    return <Tag color="processing">{t('sessions.statusToday')}</Tag>;
  if (phase === 'past') return <Tag color="warning">{t('sessions.statusToClose')}</Tag>;
  return <Tag color="blue">{t('sessions.statusPlanned')}</Tag>;
}
