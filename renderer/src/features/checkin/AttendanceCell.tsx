import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Attendance, AttendanceSource } from '../../db/records';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { AttendanceTag } from '../../ui/AttendanceTag';
import { formatTime } from '../../ui/format';

export const SOURCE_LABEL: Record<AttendanceSource, MessageKey> = {
  scan: 'correction.sourceScan',
  manual: 'correction.sourceManual',
  sheet: 'correction.sourceSheet',
};

/** Where a record came from, as a small tag (the station's scans need none on the session page). */
export function SourceTag(props: { source: AttendanceSource }) {
  const { t } = useI18n();
  return <Tag bordered={false}>{t(SOURCE_LABEL[props.source])}</Tag>;
}

/** A record a coordinator changed by hand or entered from a sheet carries its reason: shown on hover. */
function CorrectionMark(props: { attendance: Attendance }) {
  const { t } = useI18n();
  const { note, source } = props.attendance;
  if (!note || source === 'scan') return null;
  return (
    <Tooltip title={note}>
      <Tag color={source === 'sheet' ? 'blue' : 'purple'} tabIndex={0} aria-label={note}>
        {t(source === 'sheet' ? 'correction.fromSheet' : 'correction.corrected')}
      </Tag>
    </Tooltip>
  );
}

/**
 * One person's attendance on one day in the trainee list: the status with the check-in time, a mark when the
 * record was corrected (with the reason on hover), and the "correct attendance" action.
 */
export function AttendanceCell(props: {
  attendance: Attendance | undefined;
  name: string;
  dateLabel: string;
  onCorrect: () => void;
}) {
  const { t } = useI18n();
  const a = props.attendance;
  return (
    <Space size={2} wrap={false}>
      {a ? (
        <AttendanceTag status={a.status} {...(a.checkInAt ? { time: formatTime(a.checkInAt) } : {})} />
      ) : (
        <Typography.Text type="secondary">{t('sessions.notArrived')}</Typography.Text>
      )}
      {a && <CorrectionMark attendance={a} />}
      <Tooltip title={t('correction.action')}>
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={t('correction.actionOf', { name: props.name, date: props.dateLabel })}
          onClick={props.onCorrect}
        />
      </Tooltip>
    </Space>
  );
}
