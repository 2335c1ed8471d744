import { useEffect, useRef, useState } from 'react';
import { Button, Card, Input, Space, Typography, type InputRef } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  UserAddOutlined,
} from '@ant-design/icons';
import { checkIn, type CheckInResult } from '../../db/checkin-repo';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { ID_ERROR_MESSAGE } from '../people/id-messages';

const TONE = {
  ok: { color: '#135200', background: '#f6ffed', border: '#52c41a', icon: <CheckCircleFilled /> },
  info: { color: '#003a8c', background: '#e6f4ff', border: '#1677ff', icon: <InfoCircleFilled /> },
  warn: { color: '#613400', background: '#fffbe6', border: '#faad14', icon: <ExclamationCircleFilled /> },
  error: { color: '#820014', background: '#fff1f0', border: '#ff4d4f', icon: <CloseCircleFilled /> },
} as const;

/**
 * Check-in by ID number typed or read by a card reader / scanner (both end with Enter). The input keeps focus
 * so that the next person can be scanned at once; the answer comes after the record is on disk.
 */
export function CheckInPanel(props: {
  sessionId: string;
  date: string;
  onRegister: (idNumber: string) => void;
  onEnroll: (personId: string) => Promise<void>;
  /** Changes whenever the input should take the focus back (a drawer closed, a dialog ended). */
  focusRequest?: number;
}) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const [value, setValue] = useState('');
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<InputRef>(null);

  useEffect(() => {
    input.current?.focus();
  }, [props.focusRequest]);

  const submit = async () => {
    const raw = value;
    if (!raw.trim() || busy) return;
    setBusy(true);
    try {
      setResult(await checkIn(ctx, { sessionId: props.sessionId, date: props.date, rawId: raw }));
      setValue('');
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  // A registered person who is not enrolled is enrolled and checked in with one action.
  const enrollAndCheckIn = async (personId: string, idNumber: string) => {
    setBusy(true);
    try {
      await props.onEnroll(personId);
      setResult(await checkIn(ctx, { sessionId: props.sessionId, date: props.date, rawId: idNumber }));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const view = result ? describe(result) : null;
  function describe(r: CheckInResult): { tone: keyof typeof TONE; title: string; detail: string } {
    switch (r.kind) {
      case 'checked-in':
        return {
          tone: r.attendance.status === 'late' ? 'warn' : 'ok',
          title: t(r.attendance.status === 'late' ? 'checkin.lateTitle' : 'checkin.okTitle', {
            name: r.person.name,
          }),
          detail: `${maskIdNumber(r.person.idNumber)} · ${formatTime(r.attendance.checkInAt ?? '')}`,
        };
      case 'already':
        return {
          tone: 'info',
          title: t('checkin.alreadyTitle', { name: r.person.name }),
          detail: t('checkin.alreadyDetail', { time: formatTime(r.attendance.checkInAt ?? '') }),
        };
      case 'not-enrolled':
        return {
          tone: 'warn',
          title: t('checkin.notEnrolledTitle', { name: r.person.name }),
          detail: maskIdNumber(r.person.idNumber),
        };
      case 'unknown-person':
        return { tone: 'warn', title: t('checkin.unknownTitle'), detail: maskIdNumber(r.idNumber) };
      case 'invalid-id':
        return { tone: 'error', title: t('checkin.invalidTitle'), detail: t(ID_ERROR_MESSAGE[r.error]) };
      case 'no-such-day':
        return { tone: 'error', title: t('checkin.noSuchDay'), detail: '' };
    }
  }

  return (
    <Card title={t('checkin.title')}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Input.Search
          ref={input}
          size="large"
          autoFocus
          autoComplete="off"
          aria-label={t('checkin.inputLabel')}
          placeholder={t('checkin.placeholder')}
          enterButton={t('checkin.submit')}
          value={value}
          loading={busy}
          onChange={(e) => setValue(e.target.value)}
          onSearch={() => void submit()}
        />
        {view && result && (
          <div
            role="status"
            aria-live="assertive"
            style={{
              border: `2px solid ${TONE[view.tone].border}`,
              background: TONE[view.tone].background,
              color: TONE[view.tone].color,
              borderRadius: 8,
              padding: '12px 16px',
            }}
          >
            <Space align="start" size="middle">
              <span style={{ fontSize: 36 }}>{TONE[view.tone].icon}</span>
              <div>
                <div style={{ fontSize: 28, fontWeight: 700 }}>{view.title}</div>
                {view.detail && <Typography.Text style={{ fontSize: 18 }}>{view.detail}</Typography.Text>}
                {result.kind === 'not-enrolled' && (
                  <div style={{ marginTop: 8 }}>
                    <Button
                      type="primary"
                      onClick={() => void enrollAndCheckIn(result.person.id, result.person.idNumber)}
                    >
                      {t('checkin.enrollNow')}
                    </Button>
                  </div>
                )}
                {result.kind === 'unknown-person' && (
                  <div style={{ marginTop: 8 }}>
                    <Button
                      type="primary"
                      icon={<UserAddOutlined />}
                      onClick={() => props.onRegister(result.idNumber)}
                    >
                      {t('checkin.registerWalkIn')}
                    </Button>
                  </div>
                )}
              </div>
            </Space>
          </div>
        )}
      </Space>
    </Card>
  );
}
