import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Input, Segmented, Tag, Tooltip, Typography, type InputRef } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { getSession } from '../../db/sessions-repo';
import { getCourse } from '../../db/courses-repo';
import { getAppSettings, type AppSettings } from '../../db/settings-repo';
import { sessionRoster, type RosterRow } from '../../db/enrollments-repo';
import {
  judgeSheetRow,
  ReasonRequiredError,
  saveSheetEntries,
  SheetRowError,
  type SheetJudgement,
  type SheetRowInput,
} from '../../db/checkin-repo';
import type { Session } from '../../db/records';
import type { AttendanceStatus } from '../../domain/attendance';
import { defaultSessionDay, type SessionDay } from '../../domain/session-days';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { ATTENDANCE_LABEL, AttendanceTag } from '../../ui/AttendanceTag';
import { formatDate, formatHours, formatTime, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { sheetLine } from '../signin-sheet/sheet-pages';
import {
  findSheetLine,
  keyForStatus,
  lineChanged,
  parseSheetTime,
  statusForKey,
  type SheetLineState,
} from './sheet-entry';
import { SourceTag } from './AttendanceCell';
import './station.css';
import './sheet-entry.css';

interface Loaded {
  session: Session;
  title: string;
  roster: RosterRow[];
  settings: AppSettings;
}

type Field = 'status' | 'in' | 'out';

/** The state of a line on screen from its record (or empty when the day has none for the person). */
function lineFromRecord(row: RosterRow, date: string): SheetLineState {
  const a = row.attendance[date];
  if (!a) return { checkIn: '', checkOut: '' };
  return {
    status: a.status,
    checkIn: a.checkInAt && a.status !== 'absent' && a.status !== 'excused' ? formatTime(a.checkInAt) : '',
    checkOut: a.checkOutAt ? formatTime(a.checkOutAt) : '',
  };
}

/** What a line will be recorded as, or why it cannot be yet (a malformed time, check-out before check-in). */
interface LineJudgement {
  judged?: SheetJudgement;
  inError: boolean;
  outError: boolean;
}

function judgeLine(day: SessionDay, line: SheetLineState, settings: AppSettings): LineJudgement {
  const checkIn = parseSheetTime(line.checkIn);
  const checkOut = parseSheetTime(line.checkOut);
  if (!checkIn.ok || !checkOut.ok) return { inError: !checkIn.ok, outError: !checkOut.ok };
  if (!line.status) return { inError: false, outError: false };
  try {
    return {
      judged: judgeSheetRow(
        day,
        {
          status: line.status,
          ...(checkIn.value ? { checkIn: checkIn.value } : {}),
          ...(checkOut.value ? { checkOut: checkOut.value } : {}),
        },
        settings,
      ),
      inError: false,
      outError: false,
    };
  } catch {
    return { inError: false, outError: true };
  }
}

/**
 * Entering a signed paper sign-in sheet back, by keyboard: the lines in the order and with the numbers of the
 * printed sheet; a line is reached by typing its number or scanning its QR code; one key per status, times typed
 * as HHmm, the hours the rules credit shown at once; Enter moves on. One save writes the whole sheet in one
 * transaction. People checked in at the door keep their scanned record unless their line is changed.
 */
export function SheetEntryPage() {
  const { sessionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  const [initial, setInitial] = useState<SheetLineState[]>([]);
  const [lines, setLines] = useState<SheetLineState[]>([]);
  const [active, setActive] = useState(0);
  const [jump, setJump] = useState('');
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const jumpRef = useRef<InputRef>(null);
  const cells = useRef(new Map<string, HTMLInputElement>());

  const today = localToday();
  const session = loaded?.session;
  const date = useMemo(() => {
    const asked = params.get('date');
    if (!session) return asked ?? today;
    return defaultSessionDay(session.days, today, asked) ?? today;
  }, [params, session, today]);

  // Loaded once per day (and again after a save), not live: the coordinator's typing must not be overwritten.
  const load = useCallback(async () => {
    const found = await getSession(ctx, sessionId);
    if (!found) {
      setLoaded(null);
      return;
    }
    const [course, roster, settings] = await Promise.all([
      getCourse(ctx, found.courseId),
      sessionRoster(ctx, sessionId),
      getAppSettings(ctx.db),
    ]);
    setLoaded({ session: found, title: found.title || course?.name || '', roster, settings });
  }, [ctx, sessionId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!loaded) return;
    const fresh = loaded.roster.map((row) => lineFromRecord(row, date));
    setInitial(fresh);
    setLines(fresh);
  }, [loaded, date]);
  useEffect(() => {
    setReason(t('sheetEntry.defaultReason'));
  }, [t]);

  const day = session?.days.find((d) => d.date === date);
  const roster = useMemo(() => loaded?.roster ?? [], [loaded]);
  const judgements = useMemo(
    (): LineJudgement[] =>
      day && loaded
        ? lines.map((line) => judgeLine(day, line, loaded.settings))
        : lines.map(() => ({ inError: false, outError: false })),
    [lines, day, loaded],
  );
  const changed = useMemo(
    () => lines.map((line, i) => !!initial[i] && !!line.status && lineChanged(initial[i], line)),
    [lines, initial],
  );
  const summary = useMemo(() => {
    const byStatus: Record<AttendanceStatus, number> = {
      present: 0,
      late: 0,
      'left-early': 0,
      absent: 0,
      excused: 0,
    };
    let blank = 0;
    let created = 0;
    let corrected = 0;
    let errors = 0;
    lines.forEach((line, i) => {
      const j = judgements[i]!;
      if (j.inError) errors += 1;
      if (j.outError) errors += 1;
      if (j.judged) byStatus[j.judged.status] += 1;
      else if (!line.status) blank += 1;
      if (changed[i]) {
        if (roster[i]?.attendance[date]) corrected += 1;
        else created += 1;
      }
    });
    return { byStatus, blank, created, corrected, errors };
  }, [lines, judgements, changed, roster, date]);
  const dirty = summary.created + summary.corrected > 0;

  const focusCell = useCallback((index: number, field: Field) => {
    const el = cells.current.get(`${index}:${field}`);
    if (!el) return;
    setActive(index);
    el.focus();
    el.select();
    el.scrollIntoView({ block: 'nearest' });
  }, []);
  const focusJump = useCallback((seed = '') => {
    setJump(seed);
    jumpRef.current?.focus();
  }, []);

  useEffect(() => {
    if (loaded) requestAnimationFrame(() => jumpRef.current?.focus());
  }, [loaded, date]);

  const update = (index: number, patch: Partial<SheetLineState>) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  const leaveIfSaved = (go: () => void) => {
    if (!dirty) return go();
    modal.confirm({
      title: t('sheetEntry.leaveConfirm'),
      okText: t('sheetEntry.leave'),
      cancelText: t('common.cancel'),
      onOk: go,
    });
  };

  const save = async () => {
    if (!day || saving) return;
    if (summary.errors > 0) {
      void message.error(t('sheetEntry.timeErrors', { count: summary.errors }));
      return;
    }
    const rows: SheetRowInput[] = [];
    lines.forEach((line, i) => {
      if (!changed[i] || !line.status) return;
      const checkIn = parseSheetTime(line.checkIn);
      const checkOut = parseSheetTime(line.checkOut);
      rows.push({
        personId: roster[i]!.person.id,
        status: line.status,
        ...(checkIn.ok && checkIn.value ? { checkIn: checkIn.value } : {}),
        ...(checkOut.ok && checkOut.value ? { checkOut: checkOut.value } : {}),
      });
    });
    if (rows.length === 0) {
      void message.info(t('sheetEntry.nothing'));
      return;
    }
    setSaving(true);
    try {
      const counts = await saveSheetEntries(ctx, { sessionId, date, rows, reason });
      void message.success(t('sheetEntry.saved', counts));
      await load();
    } catch (error) {
      if (error instanceof ReasonRequiredError) void message.error(t('correction.reasonRequired'));
      else if (error instanceof SheetRowError) void message.error(t('sheetEntry.notEnrolled'));
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  const onRootKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  };

  const onJumpKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const text = jump.trim();
    if (text === '') {
      const firstBlank = lines.findIndex((l) => !l.status);
      focusCell(firstBlank >= 0 ? firstBlank : 0, 'status');
      return;
    }
    const index = findSheetLine(
      text,
      roster.map((r) => ({ personId: r.person.id, idNumber: r.person.idNumber })),
    );
    if (index === null) {
      void message.warning(
        t('sheetEntry.noLine', { text: text.length > 24 ? `${text.slice(0, 24)}…` : text }),
      );
      setJump('');
      return;
    }
    setJump('');
    focusCell(index, 'status');
  };

  /** Keys every cell shares: Enter to the next line, arrows between lines, Esc to the jump box. */
  const onCellKeyDown = (index: number, field: Field, e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (index + 1 < lines.length) focusCell(index + 1, 'status');
      else focusJump();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = index + (e.key === 'ArrowDown' ? 1 : -1);
      if (next >= 0 && next < lines.length) focusCell(next, field);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      focusJump();
    } else if (field === 'status') {
      if (e.key === 'Tab') return;
      const status = statusForKey(e.key);
      if (status) {
        e.preventDefault();
        update(index, {
          status,
          ...(status === 'absent' || status === 'excused' ? { checkIn: '', checkOut: '' } : {}),
        });
        if (status !== 'absent' && status !== 'excused') focusCell(index, 'in');
      } else if (e.key === '0' || e.key === 'Backspace' || e.key === 'Delete') {
        e.preventDefault();
        update(index, initial[index] ?? { checkIn: '', checkOut: '' });
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        focusCell(index, 'in');
      } else if (e.key.length === 1 && !/\d/.test(e.key)) {
        // A scanner reading a line's QR code while the cursor is on a line: the code goes to the jump box.
        e.preventDefault();
        focusJump(e.key);
      } else if (e.key.length === 1) {
        e.preventDefault();
      }
    } else if (e.key.length === 1 && !/[\d:：.]/.test(e.key)) {
      e.preventDefault();
      focusJump(e.key);
    }
  };

  if (loaded === undefined) return null;
  if (!loaded || !session) {
    return (
      <div className="sheet-entry-root">
        <Typography.Title level={3}>{t('sessions.notFound')}</Typography.Title>
        <Button onClick={() => void navigate('/sessions')}>{t('nav.sessions')}</Button>
      </div>
    );
  }
  const cellRef = (index: number, field: Field) => (el: HTMLInputElement | null) => {
    const key = `${index}:${field}`;
    if (el) cells.current.set(key, el);
    else cells.current.delete(key);
  };
  const dayHours = (hours: number) => `${formatHours(hours)} ${t('common.classHours')}`;

  return (
    <div className="sheet-entry-root" onKeyDown={onRootKeyDown}>
      <header className="station-bar">
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => leaveIfSaved(() => void navigate(`/sessions/${session.id}`))}
        >
          {t('station.back')}
        </Button>
        <div className="station-title">
          <div className="station-course">
            {t('sheetEntry.title')} · {loaded.title}
          </div>
          <div className="station-sub">
            {formatDate(date, locale)} {day ? `${day.start}-${day.end}` : ''} · {session.venue}
          </div>
        </div>
        {session.days.length > 1 && (
          <Segmented
            aria-label={t('checkin.day')}
            value={date}
            onChange={(d) => leaveIfSaved(() => setParams({ date: String(d) }, { replace: true }))}
            options={session.days.map((d, i) => ({ value: d.date, label: t('station.dayN', { n: i + 1 }) }))}
          />
        )}
        <Button
          icon={<PrinterOutlined />}
          onClick={() => leaveIfSaved(() => void navigate(`/print/signin/${session.id}?date=${date}`))}
        >
          {t('sheet.open')}
        </Button>
      </header>
      <div className="sheet-entry-tools">
        <label className="sheet-entry-jump-label" htmlFor="sheet-entry-jump">
          {t('sheetEntry.jump')}
        </label>
        <Input
          id="sheet-entry-jump"
          ref={jumpRef}
          className="sheet-entry-jump"
          autoComplete="off"
          spellCheck={false}
          value={jump}
          placeholder={t('sheetEntry.jumpPlaceholder')}
          onChange={(e) => setJump(e.target.value)}
          onKeyDown={onJumpKeyDown}
        />
        <span className="sheet-entry-keys">{t('sheetEntry.keys')}</span>
      </div>
      <div className="sheet-entry-scroll">
        <table className="sheet-entry-table">
          <thead>
            <tr>
              <th className="col-line">{t('sheetEntry.line')}</th>
              <th className="col-name">{t('sheet.name')}</th>
              <th className="col-id">{t('sheet.idNumber')}</th>
              <th className="col-ent">{t('sheet.enterprise')}</th>
              <th className="col-status">{t('correction.status')}</th>
              <th className="col-time">{t('sheet.inTime')}</th>
              <th className="col-time">{t('sheet.outTime')}</th>
              <th className="col-result">{t('sheetEntry.result')}</th>
              <th className="col-record">{t('sheetEntry.onRecord')}</th>
            </tr>
          </thead>
          <tbody>
            {roster.map((row, i) => {
              const line = lines[i] ?? { checkIn: '', checkOut: '' };
              const judgement = judgements[i] ?? { inError: false, outError: false };
              const { line: number, page } = sheetLine(i);
              const firstOfPage = i > 0 && sheetLine(i - 1).page !== page;
              const record = row.attendance[date];
              const noTimes = line.status === 'absent' || line.status === 'excused';
              return (
                <tr
                  key={row.person.id}
                  className={[
                    i === active ? 'is-active' : '',
                    firstOfPage ? 'page-start' : '',
                    changed[i] ? 'is-changed' : '',
                  ].join(' ')}
                  data-line={number}
                >
                  <td className="col-line">
                    {firstOfPage && (
                      <span className="sheet-entry-page">{t('sheetEntry.page', { page })}</span>
                    )}
                    {number}
                  </td>
                  <td className="col-name">{row.person.name}</td>
                  <td className="col-id">{maskIdNumber(row.person.idNumber)}</td>
                  <td className="col-ent">{row.enterpriseName ?? ''}</td>
                  <td className="col-status">
                    <input
                      ref={cellRef(i, 'status')}
                      className="sheet-entry-status"
                      aria-label={t('sheetEntry.statusOf', { line: number, name: row.person.name })}
                      value={line.status ? keyForStatus(line.status) : ''}
                      readOnly
                      inputMode="numeric"
                      onFocus={() => setActive(i)}
                      onKeyDown={(e) => onCellKeyDown(i, 'status', e)}
                    />
                    <span className="sheet-entry-status-label">
                      {line.status ? t(ATTENDANCE_LABEL[line.status]) : ''}
                    </span>
                  </td>
                  {(['in', 'out'] as const).map((field) => {
                    const value = field === 'in' ? line.checkIn : line.checkOut;
                    const error = field === 'in' ? judgement.inError : judgement.outError;
                    return (
                      <td key={field} className="col-time">
                        <input
                          ref={cellRef(i, field)}
                          className={`sheet-entry-time${error ? ' has-error' : ''}`}
                          aria-label={t(field === 'in' ? 'sheetEntry.checkInOf' : 'sheetEntry.checkOutOf', {
                            line: number,
                          })}
                          aria-invalid={error}
                          value={value}
                          disabled={noTimes}
                          inputMode="numeric"
                          maxLength={5}
                          onFocus={() => setActive(i)}
                          onChange={(e) =>
                            update(
                              i,
                              field === 'in' ? { checkIn: e.target.value } : { checkOut: e.target.value },
                            )
                          }
                          onBlur={() => {
                            const parsed = parseSheetTime(value);
                            if (parsed.ok && parsed.value && parsed.value !== value)
                              update(
                                i,
                                field === 'in' ? { checkIn: parsed.value } : { checkOut: parsed.value },
                              );
                          }}
                          onKeyDown={(e) => onCellKeyDown(i, field, e)}
                        />
                      </td>
                    );
                  })}
                  <td className="col-result">
                    {judgement.judged && (
                      <>
                        <AttendanceTag status={judgement.judged.status} />
                        <span className="sheet-entry-hours">{dayHours(judgement.judged.hoursCredited)}</span>
                      </>
                    )}
                    {(judgement.inError || judgement.outError) && (
                      <Typography.Text type="danger">{t('correction.timeInvalid')}</Typography.Text>
                    )}
                  </td>
                  <td className="col-record">
                    {record && (
                      <Tooltip title={record.note}>
                        <span>
                          <SourceTag source={record.source} />
                          {t(ATTENDANCE_LABEL[record.status])}
                          {record.checkInAt && record.source === 'scan'
                            ? ` ${formatTime(record.checkInAt)}`
                            : ''}
                        </span>
                      </Tooltip>
                    )}
                    {changed[i] && (
                      <Tag color={record ? 'orange' : 'green'} className="sheet-entry-change">
                        {t(record ? 'sheetEntry.willCorrect' : 'sheetEntry.new')}
                      </Tag>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <footer className="sheet-entry-foot" aria-label={t('sheetEntry.result')}>
        <div className="sheet-entry-summary" role="status">
          <div>
            {t('sheetEntry.summary', {
              present: summary.byStatus.present,
              late: summary.byStatus.late,
              leftEarly: summary.byStatus['left-early'],
              absent: summary.byStatus.absent,
              excused: summary.byStatus.excused,
              blank: summary.blank,
            })}
          </div>
          <div className="sheet-entry-changes">
            {t('sheetEntry.changes', { created: summary.created, corrected: summary.corrected })}
            {summary.errors > 0 && (
              <Typography.Text type="danger">
                {' · '}
                {t('sheetEntry.timeErrors', { count: summary.errors })}
              </Typography.Text>
            )}
          </div>
          <Typography.Text type="secondary" className="sheet-entry-note">
            {t('sheetEntry.keepScan')}
          </Typography.Text>
        </div>
        <label className="sheet-entry-reason">
          <span>{t('correction.reason')}</span>
          <Input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            status={summary.corrected > 0 && !reason.trim() ? 'error' : ''}
            aria-required={summary.corrected > 0}
          />
        </label>
        <Button
          type="primary"
          size="large"
          icon={<SaveOutlined />}
          loading={saving}
          disabled={!dirty}
          onClick={() => void save()}
        >
          {t('sheetEntry.save')}
        </Button>
      </footer>
    </div>
  );
}
