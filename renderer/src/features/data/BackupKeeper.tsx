import { useEffect } from 'react';
import { App } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { createBackupFile } from '../../db/backup-repo';
import type { AutoBackupReason } from '../../platform/platform';
import { failureText, rememberBackup } from './backup-actions';

/** How often the desktop app looks whether a day has passed since the newest backup. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first look, after start-up work (search index, first screen) is done. */
const FIRST_CHECK_MS = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs for the whole session, whatever screen is open: asks the browser to keep the data (persistent storage), and
 * in the desktop app writes the automatic backups: when the window closes, and once a day while in use.
 */
export function BackupKeeper() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const { notification } = App.useApp();

  useEffect(() => {
    void platform.requestPersistentStorage();
  }, [platform]);

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
    const daily = async () => {
      const [newest] = await auto.list();
      if (!newest || Date.now() - Date.parse(newest.at) > DAY_MS) await write('daily');
    };
    const off = auto.onQuitRequested(() => void write('quit'));
    const first = setTimeout(() => void daily(), FIRST_CHECK_MS);
    const timer = setInterval(() => void daily(), CHECK_EVERY_MS);
    return () => {
      off();
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ctx, platform, notification, t]);

  return null;
}
