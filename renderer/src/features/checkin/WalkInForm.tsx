import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { PersonInput } from '../../db/people-repo';
import { maskIdNumber, parseResidentId } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';

/**
 * Quick registration of a walk-in whose valid ID number is not in the register: birth date and gender read from
 * the number; name required, phone and enterprise or team optional. Enter saves (and checks in), Esc cancels.
 */
export function WalkInForm(props: {
  idNumber: string;
  full: boolean;
  capacity: number;
  onSave: (person: PersonInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [enterprise, setEnterprise] = useState('');
  const [saving, setSaving] = useState(false);
  const [missingName, setMissingName] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const parsed = parseResidentId(props.idNumber);

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  const save = async () => {
    if (!name.trim()) {
      setMissingName(true);
      nameInput.current?.focus();
      return;
    }
    setSaving(true);
    try {
      await props.onSave({
        name,
        idNumber: props.idNumber,
        ...(phone.trim() ? { phone } : {}),
        ...(enterprise.trim() ? { enterpriseName: enterprise } : {}),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="station-walkin tone-warn"
      aria-label={t('station.walkInTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <div className="station-headline">
        <UserAddOutlined /> {t('station.walkInTitle')}
      </div>
      <div className="station-walkin-id">
        {maskIdNumber(props.idNumber)}
        {parsed.ok && (
          <span>
            {' · '}
            {t('station.born', { date: formatDate(parsed.birthDate, locale) })}
            {' · '}
            {t(parsed.gender === 'M' ? 'station.male' : 'station.female')}
          </span>
        )}
      </div>
      {props.full && <div className="station-full">{t('station.full', { capacity: props.capacity })}</div>}
      <div className="station-walkin-fields">
        <label>
          {t('station.walkInName')}
          <input
            ref={nameInput}
            value={name}
            aria-invalid={missingName}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              setMissingName(false);
            }}
          />
        </label>
        <label>
          {t('station.walkInPhone')}
          <input
            value={phone}
            inputMode="tel"
            autoComplete="off"
            onChange={(e) => setPhone(e.target.value)}
          />
        </label>
        <label>
          {t('station.walkInEnterprise')}
          <input value={enterprise} autoComplete="off" onChange={(e) => setEnterprise(e.target.value)} />
        </label>
      </div>
      {missingName && <div className="station-walkin-error">{t('station.walkInNameRequired')}</div>}
      <div className="station-actions">
        <Button size="large" type="primary" htmlType="submit" loading={saving}>
          {t('station.walkInSave')}
        </Button>
        <Button size="large" onClick={props.onCancel}>
          {t('station.walkInCancel')}
        </Button>
      </div>
    </form>
  );
}
