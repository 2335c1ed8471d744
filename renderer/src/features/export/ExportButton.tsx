import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { exportXlsx, type ExportColumn } from './export-xlsx';

/** "导出Excel" for a list: exactly the rows the list shows (after its filters), as an .xlsx file. */
export function ExportButton<T>(props: {
  name: string;
  rows: readonly T[];
  columns: readonly ExportColumn<T>[];
}) {
  const { t } = useI18n();
  const { platform } = useServices();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await exportXlsx(platform, props.name, props.rows, props.columns, localToday());
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
      disabled={props.rows.length === 0}
      onClick={() => void run()}
    >
      {t('export.xlsx')}
    </Button>
  );
}
