import { isStorageFull } from '../../db/storage-errors';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { App, Button } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  UndoOutlined,
} from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { defaultSessionDay } from '../../domain/session-days';
import { getSession } from '../../db/sessions-repo';
import { getCourse } from '../../db/courses-repo';
import { getAppSettings } from '../../db/settings-repo';
import { sessionEnrollees, type Enrollee } from '../../db/enrollments-repo';
import {
  checkIn,
  checkOut,
  endDay,
  enrollAndCheckIn,
  personIdOfCertificate,
  registerWalkInAndCheckIn,
  undoCheckIn,
  undoCheckOut,
  type PersonRef,
} from '../../db/checkin-repo';
import { searchPeople } from '../../db/people-search';
import { holdBackgroundWork } from '../../db/background-work';
import type { Attendance, Person } from '../../db/records';
import { InvalidIdNumberError, type PersonInput } from '../../db/people-repo';
import { classifyStationInput, isReaderBurst } from '../../domain/station-input';
import { maskIdNumber, type ResidentIdError } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatHours, formatTime, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { ID_ERROR_MESSAGE } from '../people/id-messages';
import { playStationSound, prepareStationSounds, resumeStationSounds } from './sounds';
import { viewOf, type StationOutcome, type Tone } from './station-outcome';
import { WalkInForm } from './WalkInForm';
import { StationSide } from './StationSide';
import { StationBar, StationKeys, type StationMode as Mode } from './StationBar';
import { afterNextPaint } from './after-paint';
import './station.css';

type Undoable =
  | { mode: 'in'; person: Person; attendance: Attendance; previous?: Attendance }
  | { mode: 'out'; person: Person; attendance: Attendance; previous: Attendance };

const MUTE_KEY = 'safetrain.station.muted';
const NO_ENROLLEES: readonly Enrollee[] = [];
/**
 * How long background work (the search index build, the statistics refresh) stays out of the way after a key or an
 * answer: through a queue at the door it waits, and runs in the pauses between people.
 */
const HOLD_BACKGROUND_MS = 1500;
const ICON: Record<Tone, React.ReactNode> = {
  ok: <CheckCircleFilled />,
  info: <InfoCircleFilled />,
  warn: <ExclamationCircleFilled />,
  error: <CloseCircleFilled />,
  neutral: <UndoOutlined />,
};

/**
 * The check-in station: one full screen per session day for the laptop at the door. One input always has the
 * focus and takes ID numbers (typed or from a card reader), badge and certificate QR codes from a scanner, and
 * searches by name, pinyin initials or phone digits (arrows and Enter choose, Esc cancels). Every answer is shown
 * after the record is on disk, by colour, icon, words and sound.
 */
export function CheckInStation() {
  const { sessionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const keyTimes = useRef<number[]>([]);
  const searchSeq = useRef(0);
  const [value, setValue] = useState('');
  const [mode, setMode] = useState<Mode>('in');
  // A ref, not state: marking a scan in progress must not draw a frame of its own before the answer's.
  const busy = useRef(false);
  const [outcome, setOutcome] = useState<StationOutcome | null>(null);
  // Counts the answers given, so that a test (or a screen reader) can tell a new answer from the same one again.
  const [answers, setAnswers] = useState(0);
  const [lastDone, setLastDone] = useState<Undoable | null>(null);
  const [walkInId, setWalkInId] = useState<string | null>(null);
  const [matches, setMatches] = useState<Person[]>([]);
  const [highlight, setHighlight] = useState(0);
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === '1');

  // Who is enrolled changes only with walk-ins; the day's attendance, which every scan changes, is read by the side
  // panel alone, so that a scan re-renders neither this screen nor its roster.
  const data = useLiveQuery(async () => {
    const session = await getSession(ctx, sessionId);
    if (!session) return { session: undefined };
    const [course, enrollees, settings] = await Promise.all([
      getCourse(ctx, session.courseId),
      sessionEnrollees(ctx, sessionId),
      getAppSettings(ctx.db),
    ]);
    return { session, course, enrollees, settings };
  }, [ctx, sessionId]);
  const session = data?.session;
  const today = localToday();
  const date = useMemo(() => {
    const asked = params.get('date');
    if (!session) return asked ?? today;
    return defaultSessionDay(session.days, today, asked) ?? today;
  }, [params, session, today]);
  const enrollees = data?.enrollees;
  const enrolledIds = useMemo(() => new Set(enrollees?.map((e) => e.person.id)), [enrollees]);
  const full = !!session && (enrollees?.length ?? 0) >= session.capacity;

  // The audio context costs up to a hundred milliseconds to create: made while the screen is idle, not on an answer.
  useEffect(() => {
    const timer = setTimeout(prepareStationSounds, 300);
    return () => clearTimeout(timer);
  }, []);

  // The walk-in form has the keyboard while it is open; otherwise the station input always takes it back.
  const walkInOpen = useRef(false);
  const refocus = useCallback(() => {
    requestAnimationFrame(() => {
      if (!walkInOpen.current) input.current?.focus();
    });
  }, []);

  const show = useCallback(
    (next: StationOutcome) => {
      setOutcome(next);
      setAnswers((n) => n + 1);
      const sound = viewOf(next).sound;
      // Right after the frame that shows the answer: starting the audio takes milliseconds the frame must not wait for.
      if (sound && !muted) afterNextPaint(() => playStationSound(sound));
    },
    [muted],
  );

  const remember = (next: StationOutcome) => {
    if (next.mode === 'in' && next.result.kind === 'checked-in') {
      const { person, attendance, previous } = next.result;
      setLastDone({ mode: 'in', person, attendance, ...(previous ? { previous } : {}) });
    } else if (next.mode === 'out' && next.result.kind === 'checked-out') {
      const { person, attendance, previous } = next.result;
      setLastDone({ mode: 'out', person, attendance, previous });
    }
  };

  const setBusy = (value: boolean) => {
    busy.current = value;
    input.current?.setAttribute('aria-busy', String(value));
    holdBackgroundWork(HOLD_BACKGROUND_MS);
  };

  const run = async (action: () => Promise<StationOutcome>) => {
    setBusy(true);
    try {
      const next = await action();
      // The record is on disk: the answer is drawn now, in this task, rather than after whatever else is queued
      // (the live queries re-reading what the write changed).
      flushSync(() => {
        remember(next);
        show(next);
        if (next.mode === 'in' && next.result.kind === 'unknown-person' && next.result.idNumber) {
          walkInOpen.current = true;
          setWalkInId(next.result.idNumber);
        }
      });
    } catch (error) {
      // The big panel must not go on showing the previous person's green answer: say this one was not saved. The
      // error still goes up to the app-wide notice, which says what to do (BackupKeeper).
      flushSync(() => show({ mode: 'not-saved', diskFull: isStorageFull(error) }));
      throw error;
    } finally {
      setBusy(false);
      refocus();
    }
  };

  const scanPerson = (ref: PersonRef) =>
    run(async () =>
      mode === 'in'
        ? { mode: 'in', result: await checkIn(ctx, { sessionId, date, ...ref }) }
        : { mode: 'out', result: await checkOut(ctx, { sessionId, date, ...ref }) },
    );

  const clearSearch = () => {
    searchSeq.current += 1;
    setMatches([]);
    setHighlight(0);
  };

  const submit = async (burst: boolean) => {
    const line = value;
    const kind = classifyStationInput(line);
    const pending =
      outcome?.mode === 'in' && outcome.result.kind === 'not-enrolled' ? outcome.result.person : null;
    if (kind.kind === 'empty') {
      // Enter on the "not enrolled" prompt enrolls them.
      if (pending)
        await run(async () => ({
          mode: 'in',
          result: await enrollAndCheckIn(ctx, { sessionId, date, personId: pending.id }),
        }));
      return;
    }
    // A typed search picks the highlighted match; a reader's burst is always a scan.
    if (kind.kind === 'search' && !burst && matches.length > 0) {
      const chosen = matches[Math.min(highlight, matches.length - 1)]!;
      setValue('');
      clearSearch();
      await scanPerson({ personId: chosen.id });
      return;
    }
    setValue('');
    clearSearch();
    if (kind.kind === 'id') return scanPerson({ rawId: kind.raw });
    if (kind.kind === 'person') return scanPerson({ personId: kind.personId });
    if (kind.kind === 'certificate') {
      const personId = await personIdOfCertificate(ctx, kind.number);
      if (personId) return scanPerson({ personId });
      show({ mode: 'unreadable' });
      return refocus();
    }
    if (kind.kind === 'unknown-code') {
      show({ mode: 'unreadable' });
      return refocus();
    }
    const found = await searchPeople(ctx, { text: kind.text, limit: 2 });
    if (found.people.length === 1) return scanPerson({ personId: found.people[0]!.id });
    show({ mode: 'no-match', text: kind.text });
    refocus();
  };

  // Search as a person types (not while a reader bursts in a number: the search is cheap and simply superseded).
  useEffect(() => {
    const kind = classifyStationInput(value);
    if (kind.kind !== 'search') {
      setMatches((m) => (m.length === 0 ? m : []));
      return;
    }
    const seq = ++searchSeq.current;
    const timer = setTimeout(() => {
      void searchPeople(ctx, { text: kind.text, limit: 8 }).then((found) => {
        if (seq !== searchSeq.current) return;
        setMatches(found.people);
        setHighlight(0);
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [ctx, value]);

  const undo = async () => {
    const done = lastDone;
    if (!done || busy.current) return;
    await run(async () => {
      const ok = done.mode === 'in' ? await undoCheckIn(ctx, done) : await undoCheckOut(ctx, done);
      setLastDone(null);
      return ok ? { mode: 'undone', person: done.person } : { mode: 'undo-refused' };
    });
  };

  const toggleMute = useCallback(() => {
    setMuted((m) => {
      localStorage.setItem(MUTE_KEY, m ? '0' : '1');
      return !m;
    });
    refocus();
  }, [refocus]);

  // Stable callbacks for the memoised bar and keys line, reading the latest state through a ref.
  const latest = useRef({ undo, finishDay: async () => {} });
  const onUndo = useCallback(() => void latest.current.undo(), []);
  const onEndDay = useCallback(() => void latest.current.finishDay(), []);
  const onModeChange = useCallback(
    (m: Mode) => {
      setMode(m);
      refocus();
    },
    [refocus],
  );
  const onDayChange = useCallback((d: string) => setParams({ date: d }, { replace: true }), [setParams]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    holdBackgroundWork(HOLD_BACKGROUND_MS);
    resumeStationSounds();
    if (e.key === 'Enter') {
      e.preventDefault();
      const burst = isReaderBurst(keyTimes.current);
      keyTimes.current = [];
      if (!busy.current) void submit(burst);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setValue('');
      clearSearch();
      keyTimes.current = [];
      if (outcome?.mode === 'in' && outcome.result.kind === 'not-enrolled') setOutcome(null);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (matches.length === 0) return;
      e.preventDefault();
      setHighlight((h) => (h + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      void undo();
    } else if (e.key === 'F2') {
      e.preventDefault();
      setMode((m) => (m === 'in' ? 'out' : 'in'));
    } else if (e.key === 'F8') {
      e.preventDefault();
      toggleMute();
    } else if (e.key.length === 1) {
      keyTimes.current.push(e.timeStamp);
    }
  };

  const saveWalkIn = async (person: PersonInput) => {
    try {
      await run(async () => ({
        mode: 'in',
        walkIn: true,
        result: await registerWalkInAndCheckIn(ctx, { sessionId, date, person }),
      }));
      walkInOpen.current = false;
      setWalkInId(null);
      refocus();
    } catch (error) {
      if (error instanceof InvalidIdNumberError) {
        void message.error(t(ID_ERROR_MESSAGE[error.reason as ResidentIdError]));
        return;
      }
      throw error;
    }
  };

  const finishDay = async () => {
    const marked = await endDay(ctx, { sessionId, date });
    void message.success(t('station.dayEnded', { count: marked }));
    refocus();
  };
  latest.current = { undo, finishDay };

  const typed = classifyStationInput(value);
  const searchText = typed.kind === 'search' ? typed.text : '';

  if (!data) return null;
  if (!session) {
    return (
      <div className="station-root">
        <div className="station-empty">{t('sessions.notFound')}</div>
        <Button onClick={() => void navigate('/sessions')}>{t('nav.sessions')}</Button>
      </div>
    );
  }
  const day = session.days.find((d) => d.date === date);
  const view = outcome ? viewOf(outcome) : null;
  const title = session.title || data.course?.name || '';

  return (
    <div className="station-root" onMouseUp={refocus}>
      <StationBar
        session={session}
        title={title}
        date={date}
        mode={mode}
        muted={muted}
        onDayChange={onDayChange}
        onModeChange={onModeChange}
        onToggleMute={toggleMute}
        onEndDay={onEndDay}
        onRefocus={refocus}
      />
      <div className="station-body">
        <main className="station-main" data-answers={answers}>
          <label className="station-label" htmlFor="station-input">
            {t(mode === 'in' ? 'station.inputLabelIn' : 'station.inputLabelOut')}
          </label>
          <div className={`station-input-wrap station-input-${mode}`}>
            <input
              id="station-input"
              ref={input}
              className="station-input"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              value={value}
              disabled={false}
              aria-busy={false}
              placeholder={t('station.placeholder')}
              onChange={(e) => {
                setValue(e.target.value);
                if (e.target.value === '') keyTimes.current = [];
              }}
              onKeyDown={onKeyDown}
              onBlur={refocus}
              aria-controls="station-matches"
              aria-activedescendant={matches.length ? `station-match-${highlight}` : undefined}
            />
          </div>
          {matches.length > 0 && (
            <ul
              className="station-matches"
              id="station-matches"
              role="listbox"
              aria-label={t('station.matches')}
            >
              {matches.map((p, i) => {
                const enrolled = enrolledIds.has(p.id);
                return (
                  <li
                    key={p.id}
                    id={`station-match-${i}`}
                    role="option"
                    aria-selected={i === highlight}
                    className={i === highlight ? 'is-active' : ''}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      setValue('');
                      clearSearch();
                      void scanPerson({ personId: p.id });
                    }}
                  >
                    <span className="station-match-name">{p.name}</span>
                    <span className="station-match-id">{maskIdNumber(p.idNumber)}</span>
                    {p.phone && <span className="station-match-id">{p.phone.slice(-4)}</span>}
                    {!enrolled && <span className="station-match-flag">{t('station.notEnrolledShort')}</span>}
                  </li>
                );
              })}
              <li className="station-matches-hint" aria-hidden>
                {t('station.matchesHint')}
              </li>
            </ul>
          )}
          {walkInId ? (
            <WalkInForm
              idNumber={walkInId}
              full={full}
              capacity={session.capacity}
              onSave={(person) => saveWalkIn(person)}
              onCancel={() => {
                walkInOpen.current = false;
                setWalkInId(null);
                setOutcome(null);
                refocus();
              }}
            />
          ) : (
            view && (
              <section className={`station-result tone-${view.tone}`} role="status" aria-live="assertive">
                <div className="station-result-icon" aria-hidden>
                  {ICON[view.tone]}
                </div>
                <div className="station-result-text">
                  <div className="station-headline">{t(view.headline)}</div>
                  {view.person && (
                    <div className="station-person">
                      <span className="station-name">{view.person.name}</span>
                      <span className="station-id">{maskIdNumber(view.person.idNumber)}</span>
                    </div>
                  )}
                  <div className="station-detail">
                    {view.attendance?.checkInAt && (
                      <span>
                        {t('station.inAt', { time: formatTime(view.attendance.checkInAt) })}
                        {view.attendance.checkOutAt &&
                          ` · ${t('station.outAt', { time: formatTime(view.attendance.checkOutAt) })}`}
                        {view.attendance.checkOutAt &&
                          ` · ${formatHours(view.attendance.hoursCredited)} ${t('common.classHours')}`}
                      </span>
                    )}
                    {outcome?.mode !== 'undone' &&
                      outcome &&
                      'result' in outcome &&
                      outcome.result.kind === 'invalid-id' && (
                        <span>{t(ID_ERROR_MESSAGE[outcome.result.error])}</span>
                      )}
                    {view.detail && <span>{t(view.detail.key, view.detail.values)}</span>}
                  </div>
                  {outcome?.mode === 'in' && outcome.result.kind === 'not-enrolled' && (
                    <div className="station-actions">
                      {full && (
                        <div className="station-full">
                          {t('station.full', { capacity: session.capacity })}
                        </div>
                      )}
                      <Button
                        size="large"
                        type="primary"
                        onClick={() => {
                          const person = (outcome.result as { person: Person }).person;
                          void run(async () => ({
                            mode: 'in',
                            result: await enrollAndCheckIn(ctx, { sessionId, date, personId: person.id }),
                          }));
                        }}
                      >
                        {t('station.enrollAndCheckIn')}
                      </Button>
                    </div>
                  )}
                </div>
              </section>
            )
          )}
          {!view && !walkInId && matches.length === 0 && (
            <div className="station-idle">{t('station.idle')}</div>
          )}
          <StationKeys lastName={lastDone?.person.name} onUndo={onUndo} />
        </main>
        <StationSide
          sessionId={session.id}
          enrollees={enrollees ?? NO_ENROLLEES}
          day={day}
          rules={data.settings?.attendanceRules}
          date={date}
          search={searchText}
        />
      </div>
    </div>
  );
}
