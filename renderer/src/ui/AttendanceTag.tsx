import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  LogoutOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import type { AttendanceStatus } from '../domain/attendance';
import { useI18n, type MessageKey } from '../i18n/i18n';

export const ATTENDANCE_LABEL: Record<AttendanceStatus, MessageKey> = {
  present: 'attendance.present',
  late: 'attendance.late',
  'left-early': 'attendance.leftEarly',
  absent: 'attendance.absent',
  excused: 'attendance.excused',
};

const LOOK: Record<AttendanceStatus, { color: string; icon: React.ReactNode }> = {
  present: { color: 'success', icon: <CheckCircleOutlined /> },
  late: { color: 'warning', icon: <ClockCircleOutlined /> },
  'left-early': { color: 'orange', icon: <LogoutOutlined /> },
  absent: { color: 'error', icon: <CloseCircleOutlined /> },
  excused: { color: 'default', icon: <MinusCircleOutlined /> },
};

/** Attendance status by colour, icon and word together: never by colour alone. */
export function AttendanceTag(props: { status: AttendanceStatus; time?: string }) {
  const { t } = useI18n();
  const look = LOOK[props.status];
  return (
    <Tag color={look.color} icon={look.icon}>
      {t(ATTENDANCE_LABEL[props.status])}
      {props.time ? ` ${props.time}` : ''}
    </Tag>
  );
}
