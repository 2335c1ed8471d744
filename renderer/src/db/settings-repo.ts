import type { SafeTrainDb } from './database';
import type { DbContext } from './context';
import type { SettingRecord } from './records';
import { newId } from '../domain/ids';
import { randomSecret } from '../domain/verification-code';
import { randomDeviceCode } from '../domain/certificate-number';
import { DEFAULT_HOUR_RULES, DEFAULT_MINUTES_PER_CLASS_HOUR, type HourRule } from '../domain/hour-rules';
import { DEFAULT_ATTENDANCE_RULES, type AttendanceRules } from '../domain/attendance';
import type { CoverageTargets } from '../domain/coverage';
import type { TrainingNoticeSettings } from '../domain/training-notice';

/** This installation: never shared with other machines. */
export interface DeviceSettings {
  deviceId: string;
  /** Two characters in every certificate number issued here, so that two machines never collide offline. */
  deviceCode: string;
}

/** Settings shared by the office and its laptops. */
export interface AppSettings {
  /** 颁发机构, printed on certificates. */
  issuingBody: string;
  certificatePrefix: string;
  /** HMAC key for verification codes; the same on every machine of the bureau. */
  verificationSecret: string;
  minutesPerClassHour: number;
  attendanceRules: AttendanceRules;
  /** The statutory hour table (学时要求) as the coordinator keeps it: the legal minimums by audience, kind and risk. */
  hourRules: HourRule[];
  /** Coverage targets in percent (issue 8); absent ones take DEFAULT_COVERAGE_TARGETS. */
  coverageTargets?: Partial<CoverageTargets>;
  /** What training notices print (issue 8): contact, phone, what to bring; absent ones take the notice defaults. */
  trainingNotice?: TrainingNoticeSettings;
  /** The user chose a language; absent means Chinese. */
  locale?: 'zh-CN' | 'en';
}

const DEVICE = 'device';
const APP = 'app';

export function defaultAppSettings(): AppSettings {
  return {
    issuingBody: '',
    certificatePrefix: 'AX',
    verificationSecret: randomSecret(),
    minutesPerClassHour: DEFAULT_MINUTES_PER_CLASS_HOUR,
    attendanceRules: { ...DEFAULT_ATTENDANCE_RULES },
    hourRules: DEFAULT_HOUR_RULES.map((rule) => ({ ...rule })),
  };
}

/** Reads this installation's identity, creating it on first run. */
export async function ensureDevice(db: SafeTrainDb): Promise<DeviceSettings> {
  return db.transaction('rw', db.settings, async () => {
    const existing = (await db.settings.get(DEVICE)) as SettingRecord<DeviceSettings> | undefined;
    if (existing) return existing.value;
    const value: DeviceSettings = { deviceId: newId(), deviceCode: randomDeviceCode(Math.random) };
    const at = new Date().toISOString();
    await db.settings.add({ id: DEVICE, value, createdAt: at, updatedAt: at, deviceId: value.deviceId });
    return value;
  });
}

export async function getAppSettings(db: SafeTrainDb): Promise<AppSettings> {
  const record = (await db.settings.get(APP)) as SettingRecord<Partial<AppSettings>> | undefined;
  // Older records lack newer keys: defaults fill them, the stored values win.
  return { ...defaultAppSettings(), ...(record?.value ?? {}) };
}

/** Saves the shared settings; the verification secret is created once and kept. */
export async function saveAppSettings(ctx: DbContext, patch: Partial<AppSettings>): Promise<AppSettings> {
  const { db } = ctx;
  return db.transaction('rw', db.settings, async () => {
    const record = (await db.settings.get(APP)) as SettingRecord<AppSettings> | undefined;
    const value = {
      ...(record ? { ...defaultAppSettings(), ...record.value } : defaultAppSettings()),
      ...patch,
    };
    const at = ctx.now().toISOString();
    await db.settings.put({
      id: APP,
      value,
      createdAt: record?.createdAt ?? at,
      updatedAt: at,
      deviceId: ctx.deviceId,
    });
    return value;
  });
}

export async function updateDeviceCode(db: SafeTrainDb, deviceCode: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const record = (await db.settings.get(DEVICE)) as SettingRecord<DeviceSettings> | undefined;
    if (!record) throw new Error('device settings missing');
    await db.settings.put({
      ...record,
      value: { ...record.value, deviceCode },
      updatedAt: new Date().toISOString(),
    });
  });
}

export async function getDeviceSettings(db: SafeTrainDb): Promise<DeviceSettings | undefined> {
  return ((await db.settings.get(DEVICE)) as SettingRecord<DeviceSettings> | undefined)?.value;
}
