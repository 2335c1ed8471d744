import { memo, useDeferredValue, useMemo } from 'react';
import type { RosterRow } from '../../db/enrollments-repo';
import type { AttendanceRules } from '../../domain/attendance';
import { dayCounts, notArrived } from './day-counts';
import type { SessionDay } from '../../domain/session-days';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n, type MessageKey } from '../../i18n/i18n';

/** Live counters for the day and the list of who has not arrived, narrowed by what is typed in the station input. */
export const StationSide = memo(function StationSide(props: {
  roster: readonly RosterRow[];
  date: string;
  /** The day and the rules, to count as late whoever arrived late, even if their status is now "left early". */
  day: SessionDay | undefined;
  rules: AttendanceRules | undefined;
  /** What is typed when it is a search (name, initials, digits); empty otherwise. */
  search: string;
}) {
  const { t } = useI18n();
  // Deferred: the confirmation of a scan is painted first, the counters and the list follow a frame later
  // (rebuilding a 200-line list in the same frame held the confirmation back at a crowded door).
  const roster = useDeferredValue(props.roster);
  const search = useDeferredValue(props.search);
  const { date, day: sessionDay, rules } = props;
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
