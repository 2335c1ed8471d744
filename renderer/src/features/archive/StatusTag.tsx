import { Tag } from 'antd';
import type { TrainingStatus } from '../../domain/hour-ledger';
import { useI18n } from '../../i18n/i18n';
import { STATUS_COLOR, STATUS_LABEL } from './labels';

/** A person's training status in words and colour (never colour alone). */
export function StatusTag(props: { status: TrainingStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[props.status]}>{t(STATUS_LABEL[props.status])}</Tag>;
}
