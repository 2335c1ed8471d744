import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { exportXlsx, type ExportColumn } from './export-xlsx';

/**
 * "导出Excel" for a list: exactly the rows the list shows (after its filters, every page), as an .xlsx file. Lists
 * that page through an index pass `load` to fetch all their rows when asked.
 */
export function ExportButton<T>(
  props: { name: string; columns: readonly ExportColumn<T>[] } & (
    { rows: readonly T[] } | { load: () => Promise<readonly T[]>; count: number }
  ),
) {
  const { t } = useI18n();
  const { platform } = useServices();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const rows = 'rows' in props ? props.rows : await props.load();
      await exportXlsx(platform, props.name, rows, props.columns, localToday());
    } catch {
      void message.error(t('export.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={('rows' in props ? props.rows.length : props.count) === 0}
      onClick={() => void run()}
    >
      {t('export.xlsx')}
    </Button>
  );
}
