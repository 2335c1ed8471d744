import { useMemo, useState } from 'react';
import { DatePicker, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useLiveQuery } from '../../db/live';
import { useServices } from '../shell/app-context';
import { AUDIT_LIST_LIMIT, auditFacets, listAuditEntries, type AuditFilter } from '../../db/audit-repo';
import type { AuditEntry } from '../../db/records';
import { ExportButton } from '../export/ExportButton';
import type { ExportColumn } from '../export/export-xlsx';
import { formatInstant, tableLabel } from '../data/backup-actions';
import { fieldLabel } from './field-labels';

/** What changed, field by field (the log holds ID numbers masked already). */
function changesText(t: Translate, entry: AuditEntry): string {
  const show = (v: unknown) =>
    v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  return Object.entries(entry.changes ?? {})
    .map(([field, c]) =>
      entry.action === 'create'
        ? `${fieldLabel(t, entry.table, field)}: ${show(c.after)}`
        : `${fieldLabel(t, entry.table, field)}: ${show(c.before)} → ${show(c.after)}`,
    )
    .join('; ');
}

function exportColumns(t: Translate): ExportColumn<AuditEntry>[] {
  return [
    { title: t('audit.colTime'), value: (e) => formatInstant(e.at), width: 18 },
    { title: t('audit.colOperator'), value: (e) => e.operator ?? '', width: 12 },
    { title: t('audit.colTable'), value: (e) => tableLabel(t, e.table), width: 12 },
    { title: t('audit.colRecord'), value: (e) => e.recordId, width: 38 },
    { title: t('audit.colAction'), value: (e) => t(`audit.action.${e.action}`), width: 8 },
    { title: t('audit.colChanges'), value: (e) => changesText(t, e), width: 80 },
  ];
}

/** 操作记录: who changed what and when, filtered by table, operator and dates, exportable to .xlsx. */
export function AuditLogView() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const [table, setTable] = useState<string | undefined>();
  const [operator, setOperator] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const filter = useMemo((): AuditFilter => {
    const from = range?.[0]?.startOf('day').toISOString();
    const to = range?.[1]?.endOf('day').toISOString();
    return {
      ...(table ? { table } : {}),
      ...(operator ? { operator } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  }, [table, operator, range]);
  const entries = useLiveQuery(() => listAuditEntries(ctx, filter), [ctx, filter]);
  const facets = useLiveQuery(() => auditFacets(ctx), [ctx]);
  const rows = entries ?? [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          aria-label={t('audit.filterTable')}
          placeholder={t('audit.filterTable')}
          style={{ width: 160 }}
          value={table}
          onChange={setTable}
          options={(facets?.tables ?? []).map((name) => ({ value: name, label: tableLabel(t, name) }))}
        />
        <Select
          allowClear
          aria-label={t('audit.filterOperator')}
          placeholder={t('audit.filterOperator')}
          style={{ width: 160 }}
          value={operator}
          onChange={setOperator}
          options={[
            ...(facets?.operators ?? []).map((name) => ({ value: name, label: name })),
            { value: '-', label: t('audit.noOperator') },
          ]}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.dateRange')}
          value={range}
          onChange={(v) => setRange(v)}
        />
        <ExportButton name={t('audit.exportName')} rows={rows} columns={exportColumns(t)} />
        <Typography.Text type="secondary">
          {rows.length >= AUDIT_LIST_LIMIT
            ? t('audit.limit', { count: AUDIT_LIST_LIMIT })
            : t('audit.count', { count: rows.length })}
        </Typography.Text>
      </Space>
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={entries === undefined}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('audit.colTime'), key: 'at', width: 150, render: (_, e) => formatInstant(e.at) },
          { title: t('audit.colOperator'), key: 'op', width: 100, render: (_, e) => e.operator ?? '—' },
          { title: t('audit.colTable'), key: 'table', width: 90, render: (_, e) => tableLabel(t, e.table) },
          {
            title: t('audit.colAction'),
            key: 'action',
            width: 90,
            render: (_, e) => t(`audit.action.${e.action}`),
          },
          {
            title: t('audit.colChanges'),
            key: 'changes',
            ellipsis: true,
            render: (_, e) => <span title={changesText(t, e)}>{changesText(t, e)}</span>,
          },
        ]}
      />
    </Space>
  );
}
