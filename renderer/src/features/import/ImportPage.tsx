import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Progress,
  Result,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ColumnMap, RosterAnalysis, RosterField, RosterRow } from '../../import/analyze-roster';
import { findRegisteredIdNumbers, type ImportSaveReport } from '../../db/import-repo';
import { getSession } from '../../db/sessions-repo';
import { useLiveQuery } from '../../db/live';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { MaskedId } from '../../ui/MaskedId';
import { useServices } from '../shell/app-context';
import { failureText } from '../data/backup-actions';
import { saveImportWithSafetyBackup } from './save-import';
import { runAnalysis } from './run-analysis';
import { columnLetter, PROBLEM_MESSAGE, readErrorMessage } from './problem-messages';

type Stage =
  | { kind: 'choose' }
  | { kind: 'analysing'; fileName: string }
  | { kind: 'failed'; fileName: string; message: MessageKey }
  | {
      kind: 'review';
      file: { name: string; bytes: Uint8Array };
      analysis: RosterAnalysis;
      registered: Set<string>;
    }
  | { kind: 'saving'; done: number; total: number }
  | { kind: 'done'; report: ImportSaveReport; heldBack: number; fileName: string };

type RowFilter = 'all' | 'problems' | 'errors';

/** Fields whose column the coordinator may choose by hand, in the order a roster usually has them. */
const MAPPABLE: RosterField[] = [
  'name',
  'idNumber',
  'gender',
  'phone',
  'enterpriseName',
  'creditCode',
  'role',
  'trade',
];

const FIELD_LABEL: Partial<Record<RosterField, MessageKey>> = {
  name: 'people.name',
  idNumber: 'people.idNumber',
  gender: 'people.gender',
  phone: 'people.phone',
  enterpriseName: 'people.enterprise',
  creditCode: 'import.field.creditCode',
  role: 'import.field.role',
  trade: 'people.trade',
};

const hasError = (row: RosterRow) => row.problems.some((p) => p.severity === 'error');

/**
 * Importing a roster: choose a file, see every row with its problems (by sheet row and column) and which
 * columns were read, change the mapping if needed, then save the good rows in one go. Nothing is saved before
 * the coordinator says so.
 */
export function ImportPage() {
  const { t } = useI18n();
  const { ctx, platform } = useServices();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const sessionId = params.get('session') ?? undefined;
  const session = useLiveQuery(() => (sessionId ? getSession(ctx, sessionId) : undefined), [ctx, sessionId]);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [filter, setFilter] = useState<RowFilter>('all');

  const analyse = async (file: { name: string; bytes: Uint8Array }, columnMap?: ColumnMap) => {
    setStage({ kind: 'analysing', fileName: file.name });
    // The worker takes a copy of the bytes: keep ours for a re-analysis with another column mapping.
    const response = await runAnalysis({
      name: file.name,
      bytes: file.bytes.slice(),
      options: columnMap ? { columnMap } : {},
    });
    if (!response.ok) {
      setStage({
        kind: 'failed',
        fileName: file.name,
        message: readErrorMessage(response.code, response.detail),
      });
      return;
    }
    const ids = response.analysis.rows.filter((r) => !hasError(r)).map((r) => r.values.idNumber ?? '');
    const registered = await findRegisteredIdNumbers(ctx, ids);
    setStage({ kind: 'review', file, analysis: response.analysis, registered });
  };

  const choose = async (file: File) => {
    await analyse({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  };

  const save = async (analysis: RosterAnalysis, fileName: string) => {
    const accepted = analysis.rows.filter((r) => !hasError(r));
    setStage({ kind: 'saving', done: 0, total: accepted.length });
    const outcome = await saveImportWithSafetyBackup(
      ctx,
      platform,
      { kind: analysis.kind, rows: accepted, ...(sessionId ? { sessionId } : {}) },
      (done, total) => setStage({ kind: 'saving', done, total }),
    );
    if (outcome.ok) {
      setStage({
        kind: 'done',
        report: outcome.report,
        heldBack: analysis.rows.length - accepted.length,
        fileName,
      });
    } else if (outcome.failed === 'backup') {
      void message.error(t('import.backupFailed', { message: failureText(t, outcome.message) }));
      setStage({ kind: 'failed', fileName, message: 'import.saveFailed' });
    } else {
      // A full disk is said as such (nothing half-written, nothing lost, what to do); anything else generically.
      const full = outcome.storageFull;
      void message.error(t(full ? 'faults.storageFullTitle' : 'import.saveFailed'));
      setStage({
        kind: 'failed',
        fileName,
        message: full ? 'faults.importStorageFull' : 'import.saveFailed',
      });
      console.error(outcome.error instanceof Error ? outcome.error.name : 'import failed');
    }
  };

  const doneDetails = (report: ImportSaveReport): string[] => [
    ...(sessionId
      ? [t('import.enrolledSummary', { enrolled: report.enrolled, already: report.alreadyEnrolled })]
      : []),
    ...(report.enterprisesAdded > 0
      ? [t('import.enterprisesAdded', { count: report.enterprisesAdded })]
      : []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {session && (
        <Breadcrumb
          items={[
            { title: <Link to="/sessions">{t('nav.sessions')}</Link> },
            { title: <Link to={`/sessions/${session.id}`}>{t('import.backToSession')}</Link> },
            { title: t('import.title') },
          ]}
        />
      )}
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('import.title')}
      </Typography.Title>
      {session && <Alert type="info" showIcon message={t('import.intoSession')} />}

      {(stage.kind === 'choose' || stage.kind === 'failed') && (
        <Card>
          {stage.kind === 'failed' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message={t(stage.message, { file: stage.fileName })}
            />
          )}
          <Upload.Dragger
            accept=".xlsx,.xls,.csv,.txt"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void choose(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
        </Card>
      )}

      {stage.kind === 'analysing' && (
        <Card>
          <Spin tip={t('import.analysing', { file: stage.fileName })}>
            <div style={{ height: 120 }} />
          </Spin>
        </Card>
      )}

      {stage.kind === 'review' && (
        <Review
          stage={stage}
          filter={filter}
          onFilter={setFilter}
          onRemap={(map) => void analyse(stage.file, map)}
          onRestart={() => setStage({ kind: 'choose' })}
          onSave={() => void save(stage.analysis, stage.file.name)}
        />
      )}

      {stage.kind === 'saving' && (
        <Card>
          <Typography.Paragraph>{t('import.saving')}</Typography.Paragraph>
          <Progress percent={stage.total ? Math.round((stage.done / stage.total) * 100) : 100} />
        </Card>
      )}

      {stage.kind === 'done' && (
        <Card>
          <Result
            status="success"
            title={t('import.doneTitle', { file: stage.fileName })}
            subTitle={t('import.doneSummary', {
              added: stage.report.added,
              updated: stage.report.updated,
              unchanged: stage.report.unchanged,
              heldBack: stage.heldBack,
            })}
            extra={[
              sessionId ? (
                <Button key="session" type="primary" onClick={() => void navigate(`/sessions/${sessionId}`)}>
                  {t('import.backToSession')}
                </Button>
              ) : (
                <Button key="people" type="primary" onClick={() => void navigate('/people')}>
                  {t('import.toPeople')}
                </Button>
              ),
              <Button key="again" onClick={() => setStage({ kind: 'choose' })}>
                {t('import.another')}
              </Button>,
            ]}
          >
            {doneDetails(stage.report).length > 0 &&
              doneDetails(stage.report).map((line) => (
                <Typography.Paragraph key={line}>{line}</Typography.Paragraph>
              ))}
          </Result>
        </Card>
      )}
    </Space>
  );
}

function Review(props: {
  stage: Extract<Stage, { kind: 'review' }>;
  filter: RowFilter;
  onFilter: (filter: RowFilter) => void;
  onRemap: (map: ColumnMap) => void;
  onRestart: () => void;
  onSave: () => void;
}) {
  const { t } = useI18n();
  const { analysis, registered, file } = props.stage;
  const accepted = analysis.rows.filter((r) => !hasError(r));
  const withErrors = analysis.rows.length - accepted.length;
  const withWarnings = accepted.filter((r) => r.problems.length > 0).length;
  const rows = useMemo(
    () =>
      analysis.rows.filter((r) =>
        props.filter === 'all' ? true : props.filter === 'errors' ? hasError(r) : r.problems.length > 0,
      ),
    [analysis.rows, props.filter],
  );
  const columnOf = (field: RosterField | undefined) => {
    const index = field ? analysis.columns[field] : undefined;
    return index === undefined
      ? ''
      : t('import.column', { letter: columnLetter(index), header: analysis.headers[index] ?? '' });
  };
  const skipped = analysis.skippedRows.map((s) => `${s.sourceRow}`).join('、');

  return (
    <>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, lg: 2, xl: 3 }}
          items={[
            { label: t('import.file'), children: file.name },
            {
              label: t('import.kind'),
              children: t(analysis.kind === 'people' ? 'import.kindPeople' : 'import.kindManagers'),
            },
            { label: t('import.headerRow'), children: t('import.rowNumber', { row: analysis.headerRow }) },
            { label: t('import.rows'), children: analysis.rows.length },
            {
              label: t('import.accepted'),
              children: <Typography.Text type="success">{accepted.length}</Typography.Text>,
            },
            {
              label: t('import.heldBack'),
              children: (
                <Typography.Text type={withErrors ? 'danger' : undefined}>{withErrors}</Typography.Text>
              ),
            },
            { label: t('import.warned'), children: withWarnings },
            {
              label: t('import.skipped'),
              children: analysis.skippedRows.length ? (
                <Tooltip title={t('import.skippedRows', { rows: skipped })}>
                  <span>{analysis.skippedRows.length}</span>
                </Tooltip>
              ) : (
                0
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('import.mapping')} size="small">
        <Space wrap size="middle">
          {MAPPABLE.map((field) => (
            <Space key={field} size={4}>
              <Typography.Text>{t(FIELD_LABEL[field] ?? 'people.name')}</Typography.Text>
              <Select<number>
                size="small"
                style={{ minWidth: 160 }}
                aria-label={t('import.mappingFor', { field: t(FIELD_LABEL[field] ?? 'people.name') })}
                value={analysis.columns[field] ?? -1}
                onChange={(value) => {
                  const next: ColumnMap = { ...analysis.columns };
                  if (value === -1) delete next[field];
                  else next[field] = value;
                  props.onRemap(next);
                }}
                options={[
                  { value: -1, label: t('import.notMapped') },
                  ...analysis.headers.map((header, index) => ({
                    value: index,
                    label: `${columnLetter(index)} ${header}`,
                  })),
                ]}
              />
            </Space>
          ))}
        </Space>
      </Card>
      <Card
        title={t('import.preview')}
        extra={
          <Segmented<RowFilter>
            aria-label={t('import.filter')}
            value={props.filter}
            onChange={props.onFilter}
            options={[
              { value: 'all', label: t('import.filterAll') },
              { value: 'problems', label: t('import.filterProblems') },
              { value: 'errors', label: t('import.filterErrors') },
            ]}
          />
        }
      >
        <Table<RosterRow>
          rowKey="sourceRow"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          rowClassName={(r) => (hasError(r) ? 'import-row-error' : '')}
          columns={[
            { title: t('import.sheetRow'), dataIndex: 'sourceRow', width: 72 },
            { title: t('people.name'), key: 'name', render: (_, r) => r.values.name ?? '' },
            {
              title: t('people.idNumber'),
              key: 'id',
              render: (_, r) =>
                r.values.idNumber ? (
                  <MaskedId
                    value={r.values.idNumber}
                    name={r.values.name ?? ''}
                    danger={r.problems.some((p) => p.field === 'idNumber' && p.severity === 'error')}
                  />
                ) : (
                  ''
                ),
            },
            {
              title: t('people.gender'),
              key: 'gender',
              render: (_, r) =>
                r.values.gender ? t(r.values.gender === 'M' ? 'people.male' : 'people.female') : '',
            },
            { title: t('people.phone'), key: 'phone', render: (_, r) => r.values.phone ?? '' },
            {
              title: t('people.enterprise'),
              key: 'enterprise',
              render: (_, r) => r.values.enterpriseName ?? '',
            },
            ...(analysis.kind === 'enterprise-managers'
              ? [
                  {
                    title: t('import.field.role'),
                    key: 'role',
                    render: (_: unknown, r: RosterRow) => r.values.position ?? '',
                  },
                ]
              : []),
            {
              title: t('import.register'),
              key: 'register',
              render: (_, r) =>
                hasError(r) ? (
                  <Tag>{t('import.notImported')}</Tag>
                ) : registered.has(r.values.idNumber ?? '') ? (
                  <Tag color="blue">{t('import.known')}</Tag>
                ) : (
                  <Tag color="green">{t('import.new')}</Tag>
                ),
            },
            {
              title: t('import.problems'),
              key: 'problems',
              render: (_, r) => (
                <Space size={[4, 4]} wrap>
                  {r.problems.map((p) => (
                    <Tooltip
                      key={`${p.code}-${p.field ?? ''}`}
                      title={[
                        t('import.rowNumber', { row: r.sourceRow }),
                        columnOf(p.field),
                        p.duplicateOf ? t('import.duplicateOf', { row: p.duplicateOf }) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    >
                      <Tag color={p.severity === 'error' ? 'error' : 'warning'}>
                        {t(PROBLEM_MESSAGE[p.code])}
                        {p.duplicateOf ? `（${t('import.duplicateOf', { row: p.duplicateOf })}）` : ''}
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button onClick={props.onRestart}>{t('import.chooseAnother')}</Button>
          <Button type="primary" disabled={accepted.length === 0} onClick={props.onSave}>
            {t('import.save', { count: accepted.length })}
          </Button>
        </Space>
      </Card>
    </>
  );
}
