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

const LOOK: Record<AttendanceStatus, { color: string; icon: React.ReactNode; label: MessageKey }> = {
  present: { color: 'success', icon: <CheckCircleOutlined />, label: 'attendance.present' },
  late: { color: 'warning', icon: <ClockCircleOutlined />, label: 'attendance.late' },
  'left-early': { color: 'orange', icon: <LogoutOutlined />, label: 'attendance.leftEarly' },
  absent: { color: 'error', icon: <CloseCircleOutlined />, label: 'attendance.absent' },
  excused: { color: 'default', icon: <MinusCircleOutlined />, label: 'attendance.excused' },
};

/** Attendance status by colour, icon and word together: never by colour alone. */
export function AttendanceTag(props: { status: AttendanceStatus; time?: string }) {
  const { t } = useI18n();
  const look = LOOK[props.status];
  return (
    <Tag color={look.color} icon={look.icon}>
      {t(look.label)}
      {props.time ? ` ${props.time}` : ''}
    </Tag>
  );
}
