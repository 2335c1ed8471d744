import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from './open';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';
import { getAppSettings, getDeviceSettings, saveAppSettings } from './settings-repo';
import { newTestDb, openTestApp, TABLES } from './test-db';
import { isValidDeviceCode } from '../domain/certificate-number';

describe('openAppDatabase', () => {
  it('creates the device identity once: reopening keeps the same device id and code', async () => {
    const factory = new IDBFactory();
    const first = newTestDb('office', factory);
    const ctx1 = await openAppDatabase(first);
    const device1 = await getDeviceSettings(first);
    first.close();

    const second = newTestDb('office', factory);
    const ctx2 = await openAppDatabase(second);
    const device2 = await getDeviceSettings(second);

    expect(device1).toBeDefined();
    expect(isValidDeviceCode(device1!.deviceCode)).toBe(true);
    expect(device2).toEqual(device1);
    expect(ctx1.deviceId).toBe(device1!.deviceId);
    expect(ctx2.deviceId).toBe(device1!.deviceId);
  });

  it('gives two installations different device ids', async () => {
    const a = await openAppDatabase(newTestDb('laptop', new IDBFactory()));
    const b = await openAppDatabase(newTestDb('laptop', new IDBFactory()));
    expect(a.deviceId).not.toBe(b.deviceId);
  });

  it('persists the app settings with one verification secret, kept across reads, reopening and saves', async () => {
    const factory = new IDBFactory();
    const db = newTestDb('office', factory);
    const ctx = await openAppDatabase(db);
    expect(await db.settings.get('app')).toBeDefined();
    const secret = (await getAppSettings(db)).verificationSecret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await getAppSettings(db)).verificationSecret).toBe(secret);

    await saveAppSettings(ctx, { issuingBody: '示范区应急管理局', minutesPerClassHour: 50 });
    db.close();
    const reopened = newTestDb('office', factory);
    await openAppDatabase(reopened);
    const settings = await getAppSettings(reopened);
    expect(settings).toMatchObject({
      verificationSecret: secret,
      issuingBody: '示范区应急管理局',
      minutesPerClassHour: 50,
    });
  });

  it('opens at the current schema version', async () => {
    const { db } = await openTestApp();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it.each(TABLES)('table %s exists in IndexedDB with primary key id', async (table) => {
    const { db } = await openTestApp();
    expect([...db.backendDB().objectStoreNames]).toContain(table);
    expect(db.table(table).schema.primKey.name).toBe('id');
  });

  it('commits with strict durability (a confirmed check-in survives a power cut)', async () => {
    const { db } = await openTestApp();
    const durability = await db.transaction('rw', db.counters, (tx) => tx.idbtrans.durability);
    expect(durability).toBe('strict');
  });
});
