import { useEffect } from 'react';
import { App } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { createBackupFile } from '../../db/backup-repo';
import { isStorageFull } from '../../db/storage-errors';
import type { AutoBackupReason } from '../../platform/platform';
import { failureText, rememberBackup } from './backup-actions';
import { AutoBackupScheduler, isAtTheDoor } from './auto-backup-scheduler';

/** How often the desktop app looks whether a day has passed since the newest backup. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first look, after start-up work (search index, first screen) is done. */
const FIRST_CHECK_MS = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs for the whole session, whatever screen is open: asks the browser to keep the data (persistent storage), and
 * in the desktop app writes the automatic backups: when the window closes, and once a day while in use (postponed
 * while the check-in station or the sheet entry is open, see auto-backup-scheduler.ts). It also says in words when
 * a write anywhere failed because the disk is full: the station and other screens have no message of their own
 * for it, and the coordinator must know that nothing saved was lost and what to do.
 */
export function BackupKeeper() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const { notification } = App.useApp();

  useEffect(() => {
    void platform.requestPersistentStorage();
  }, [platform]);

  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (!isStorageFull(event.reason)) return;
      notification.error({
        key: 'storage-full',
        message: t('faults.storageFullTitle'),
        description: t('faults.storageFullBody'),
        duration: 0,
      });
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [notification, t]);

  useEffect(() => {
    const auto = platform.autoBackups;
    if (!auto) return;
    const write = async (reason: AutoBackupReason) => {
      try {
        const res = await auto.write(reason, await createBackupFile(ctx, reason));
        if (res.ok) rememberBackup();
        else notification.error({ message: t('data.autoFailed', { message: failureText(t, res.message) }) });
      } catch (error) {
        notification.error({ message: t('data.autoFailed', { message: failureText(t, String(error)) }) });
      }
    };
    const scheduler = new AutoBackupScheduler({
      write,
      async dailyDue() {
        const [newest] = await auto.list();
        return !newest || Date.now() - Date.parse(newest.at) > DAY_MS;
      },
      atTheDoor: () => isAtTheDoor(window.location.hash),
    });
    const onScreenChange = () => void scheduler.screenChanged();
    window.addEventListener('hashchange', onScreenChange);
    const off = auto.onQuitRequested(() => void scheduler.quit());
    const first = setTimeout(() => void scheduler.tick(), FIRST_CHECK_MS);
    const timer = setInterval(() => void scheduler.tick(), CHECK_EVERY_MS);
    return () => {
      off();
      window.removeEventListener('hashchange', onScreenChange);
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ctx, platform, notification, t]);

  return null;
}
