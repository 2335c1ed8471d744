import { memo } from 'react';
import { Button, Popconfirm, Segmented, Tooltip } from 'antd';
import {
  ArrowLeftOutlined,
  FormOutlined,
  MutedOutlined,
  SoundOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Session } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';

export type StationMode = 'in' | 'out';

/**
 * The station's top bar: back, course and day, check-in or check-out, sheet entry, sound, end of day. A memo of its
 * own, because its Ant Design controls cost milliseconds to render and must not be rendered again by every
 * keystroke and every answer at the door (give it stable callbacks).
 */
export const StationBar = memo(function StationBar(props: {
  session: Session;
  title: string;
  date: string;
  mode: StationMode;
  muted: boolean;
  onDayChange: (date: string) => void;
  onModeChange: (mode: StationMode) => void;
  onToggleMute: () => void;
  onEndDay: () => void;
  /** Gives the keyboard back to the station input once a popup closes. */
  onRefocus: () => void;
}) {
  const { session, title, date, mode, muted } = props;
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const day = session.days.find((d) => d.date === date);
  return (
    <header className="station-bar">
      <Button
        icon={<ArrowLeftOutlined />}
        onClick={() => void navigate(`/sessions/${session.id}`)}
        aria-label={t('station.back')}
      >
        {t('station.back')}
      </Button>
      <div className="station-title">
        <div className="station-course">{title}</div>
        <div className="station-sub">
          {formatDate(date, locale)} {day ? `${day.start}-${day.end}` : ''} · {session.venue}
        </div>
      </div>
      {session.days.length > 1 && (
        <Segmented
          aria-label={t('checkin.day')}
          value={date}
          onChange={(d) => props.onDayChange(String(d))}
          options={session.days.map((d, i) => ({ value: d.date, label: t('station.dayN', { n: i + 1 }) }))}
        />
      )}
      <Segmented<StationMode>
        className="station-mode"
        aria-label={t('station.mode')}
        value={mode}
        onChange={props.onModeChange}
        options={[
          { value: 'in', label: t('station.modeIn') },
          { value: 'out', label: t('station.modeOut') },
        ]}
      />
      <Button
        icon={<FormOutlined />}
        onClick={() => void navigate(`/checkin/${session.id}/sheet?date=${date}`)}
      >
        {t('dayPanel.enterSheet')}
      </Button>
      <Tooltip title="F8">
        <Button
          icon={muted ? <MutedOutlined /> : <SoundOutlined />}
          onClick={props.onToggleMute}
          aria-pressed={muted}
          aria-label={muted ? t('station.unmute') : t('station.mute')}
        >
          {muted ? t('station.muted') : t('station.sound')}
        </Button>
      </Tooltip>
      <Popconfirm
        title={t('station.endDayConfirm')}
        okText={t('station.endDay')}
        cancelText={t('common.cancel')}
        onConfirm={props.onEndDay}
        onOpenChange={(open) => !open && props.onRefocus()}
      >
        <Button danger>{t('station.endDay')}</Button>
      </Popconfirm>
    </header>
  );
});

/** The keys line under the answer, with the undo of the last check-in (a memo for the same reason as the bar). */
export const StationKeys = memo(function StationKeys(props: {
  lastName: string | undefined;
  onUndo: () => void;
}) {
  const { t } = useI18n();
  return (
    <footer className="station-keys">
      <Button icon={<UndoOutlined />} disabled={props.lastName === undefined} onClick={props.onUndo}>
        {props.lastName !== undefined ? t('station.undoName', { name: props.lastName }) : t('station.undo')}
      </Button>
      <span>{t('station.keys')}</span>
    </footer>
  );
});
