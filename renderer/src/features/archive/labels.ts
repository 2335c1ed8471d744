import type { TrainingStatus } from '../../domain/hour-ledger';
import type { MessageKey } from '../../i18n/i18n';

/** How far ahead the archive calls a coming deadline "refresher due" (the reminders screen lets the user choose). */
export const ARCHIVE_DUE_WITHIN_DAYS = 60;

export const STATUS_LABEL: Record<TrainingStatus, MessageKey> = {
  current: 'archive.status.current',
  due: 'archive.status.due',
  overdue: 'archive.status.overdue',
  'never-trained': 'archive.status.never-trained',
};

export const STATUS_COLOR: Record<TrainingStatus, string> = {
  current: 'green',
  due: 'gold',
  overdue: 'red',
  'never-trained': 'default',
};
