import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from '../../db/live';
import { composeRoster, sessionDayAttendance, type Enrollee } from '../../db/enrollments-repo';
import type { Attendance } from '../../db/records';
import type { AttendanceRules } from '../../domain/attendance';
import { dayCounts, notArrived } from './day-counts';
import type { SessionDay } from '../../domain/session-days';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { afterNextPaint } from './after-paint';

/** How long typing must pause before the list narrows: a reader's burst of digits never narrows it. */
const SEARCH_SETTLE_MS = 150;

/**
 * Live counters for the day and the list of who has not arrived, narrowed by what is typed in the station input.
 * It reads the day's attendance itself (every scan changes it) and follows it one frame behind the answer: a new
 * read is shown only after the next frame has been drawn, so the confirmation of a scan is never held back by
 * re-counting and re-listing a crowd.
 */
export const StationSide = memo(function StationSide(props: {
  sessionId: string;
  enrollees: readonly Enrollee[];
  date: string;
  /** The day and the rules, to count as late whoever arrived late, even if their status is now "left early". */
  day: SessionDay | undefined;
  rules: AttendanceRules | undefined;
  /** What is typed when it is a search (name, initials, digits); empty otherwise. */
  search: string;
}) {
  const { ctx } = useServices();
  const { sessionId, date } = props;
  const read = useLiveQuery(() => sessionDayAttendance(ctx, sessionId, date), [ctx, sessionId, date]);
  const [attendance, setAttendance] = useState<{ date: string; records: readonly Attendance[] } | null>(null);
  useEffect(() => {
    if (!read) return;
    return afterNextPaint(() => startTransition(() => setAttendance({ date, records: read })));
  }, [read, date]);
  const [search, setSearch] = useState(props.search);
  useEffect(() => {
    if (props.search === '') {
      setSearch('');
      return;
    }
    const timer = setTimeout(() => setSearch(props.search), SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [props.search]);
  const { t } = useI18n();
  // Until the day's first read is in, an empty panel rather than counters that say no one has come.
  if (attendance?.date !== date)
    return <aside className="station-side" aria-label={t('station.side')} aria-busy />;
  return (
    <SideContent
      enrollees={props.enrollees}
      attendance={attendance.records}
      date={date}
      day={props.day}
      rules={props.rules}
      search={search}
    />
  );
});

const SideContent = memo(function SideContent(props: {
  enrollees: readonly Enrollee[];
  attendance: readonly Attendance[];
  date: string;
  day: SessionDay | undefined;
  rules: AttendanceRules | undefined;
  search: string;
}) {
  const { t } = useI18n();
  const { enrollees, attendance, date, day: sessionDay, rules, search } = props;
  const roster = useMemo(() => composeRoster(enrollees, attendance), [enrollees, attendance]);
  const counts = useMemo(() => dayCounts(roster, date, sessionDay, rules), [roster, date, sessionDay, rules]);
  const missing = useMemo(() => {
    const absent = notArrived(roster, date);
    if (!search) return absent;
    const text = search.toUpperCase();
    return absent.filter(
      (r) =>
        r.person.name.includes(search) ||
        (r.person.nameInitials ?? []).some((i) => i.startsWith(text)) ||
        r.person.idNumber.endsWith(text) ||
        (r.person.phone ?? '').endsWith(text),
    );
  }, [roster, date, search]);

  const counters: Array<[MessageKey, number, string]> = [
    ['station.countEnrolled', counts.enrolled, 'enrolled'],
    ['station.countPresent', counts.present, 'present'],
    ['station.countLate', counts.late, 'late'],
    ['station.countWalkIns', counts.walkIns, 'walkins'],
    ['station.countOut', counts.out, 'out'],
  ];
  return (
    <aside className="station-side" aria-label={t('station.side')}>
      <dl className="station-counters">
        {counters.map(([label, value, key]) => (
          <div key={key} className={`station-counter counter-${key}`} data-counter={key}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="station-missing-title">
        {t('station.notArrived', { count: roster.length - counts.present })}
        {search && <span> · {t('station.filtered', { count: missing.length })}</span>}
      </h2>
      <ul className="station-missing" aria-label={t('station.notArrivedList')}>
        {missing.slice(0, 200).map((r) => (
          <li key={r.person.id}>
            <span>{r.person.name}</span>
            <span className="station-missing-id">{maskIdNumber(r.person.idNumber)}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
});
