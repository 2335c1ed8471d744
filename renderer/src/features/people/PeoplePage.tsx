import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { HistoryOutlined, MergeCellsOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { listEnterprises } from '../../db/people-repo';
import type { PeopleSearchResult, PeopleSortField, SortOrder } from '../../db/people-search';
import type { Person, PersonRole } from '../../db/records';
import { ageOn } from '../../domain/age';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../ui/format';
import { EmptyState } from '../../ui/EmptyState';
import { MaskedId } from '../../ui/MaskedId';
import { useServices } from '../shell/app-context';
import { ROLE_COLOR, ROLE_LABEL } from './labels';
import { MergeDrawer } from './MergeDrawer';
import { MergeHistory } from './MergeHistory';
import { PersonEditForm } from './PersonEditForm';
import { usePeopleSearch } from './use-people-search';
import { ExportButton } from '../export/ExportButton';
import { searchPeople } from '../../db/people-search';
import { maskIdNumber } from '../../domain/resident-id';
import { useSavePerson } from './use-save-person';

const PAGE_SIZE = 50;

/**
 * The register of trainees: search as you type by name, pinyin initials, a fragment of the ID number or the phone
 * number; filters by enterprise and role; sortable; 50 to a page. Two rows ticked can be merged.
 */
export function PeoplePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { ctx } = useServices();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [role, setRole] = useState<PersonRole>();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ field: PeopleSortField; order: SortOrder }>({
    field: 'name',
    order: 'ascend',
  });
  const [selected, setSelected] = useState<Person[]>([]);
  const [editing, setEditing] = useState<{ person?: Person } | null>(null);
  const [merging, setMerging] = useState(false);
  const [history, setHistory] = useState(false);
  const { modal } = App.useApp();
  const save = useSavePerson();

  useEffect(() => {
    if (params.get('new') === '1') {
      setEditing({});
      setParams({}, { replace: true });
    }
  }, [params, setParams]);

  const result = usePeopleSearch({
    text: deferredText,
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(role ? { role } : {}),
    sort,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const enterprises = useLiveQuery(() => listEnterprises(ctx), [ctx]);
  const enterpriseName = useMemo(
    () => new Map((enterprises ?? []).map((e) => [e.id, e.name])),
    [enterprises],
  );
  const onTableChange = useCallback((nextPage: number, nextSort: typeof sort) => {
    setSort(nextSort);
    setPage(nextPage);
  }, []);
  const openNew = useCallback(() => setEditing({}), []);
  const openEdit = useCallback((person: Person) => setEditing({ person }), []);
  const filtered = deferredText.trim() !== '' || !!enterpriseId || !!role;

  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const mergeSelected = () => {
    if (selected.length !== 2) {
      void modal.info({ title: t('merge.title'), content: t('merge.pickTwo') });
      return;
    }
    setMerging(true);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.people')}
        </Typography.Title>
        <Space>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)}>
            {t('merge.history')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => void navigate('/import')}>
            {t('people.import')}
          </Button>
          <ExportButton<Person>
            name={t('nav.people')}
            count={result?.total ?? 0}
            load={async () =>
              (
                await searchPeople(ctx, {
                  text: deferredText,
                  ...(enterpriseId ? { enterpriseId } : {}),
                  ...(role ? { role } : {}),
                  sort,
                  limit: result?.total ?? 0,
                })
              ).people
            }
            columns={[
              { title: t('people.name'), value: (p) => p.name },
              { title: t('people.idNumber'), value: (p) => maskIdNumber(p.idNumber), width: 22 },
              {
                title: t('people.gender'),
                value: (p) => (p.gender ? t(p.gender === 'M' ? 'people.male' : 'people.female') : undefined),
                width: 6,
              },
              { title: t('people.phone'), value: (p) => p.phone, width: 14 },
              {
                title: t('people.enterprise'),
                value: (p) => (p.enterpriseId ? enterpriseName.get(p.enterpriseId) : undefined),
                width: 30,
              },
              { title: t('people.trade'), value: (p) => p.trade },
            ]}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('people.new')}
          </Button>
        </Space>
      </Space>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              allowClear
              aria-label={t('people.search')}
              placeholder={t('people.search')}
              style={{ width: 360 }}
              value={text}
              onChange={(e) => resetPage(setText)(e.target.value)}
            />
            <Select
              aria-label={t('people.filterEnterprise')}
              placeholder={t('people.filterEnterprise')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              value={enterpriseId}
              onChange={resetPage(setEnterpriseId)}
              options={(enterprises ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
            <Select<PersonRole>
              aria-label={t('people.filterRole')}
              placeholder={t('people.filterRole')}
              allowClear
              style={{ width: 180 }}
              value={role}
              onChange={resetPage(setRole)}
              options={(Object.keys(ROLE_LABEL) as PersonRole[]).map((r) => ({
                value: r,
                label: t(ROLE_LABEL[r]),
              }))}
            />
          </Space>
          <Button icon={<MergeCellsOutlined />} disabled={selected.length === 0} onClick={mergeSelected}>
            {t('merge.selected', { count: selected.length })}
          </Button>
        </Space>
        <PeopleTable
          result={result}
          page={page}
          sort={sort}
          selected={selected}
          enterpriseName={enterpriseName}
          filtered={filtered}
          onSelect={setSelected}
          onChange={onTableChange}
          onNew={openNew}
          onEdit={openEdit}
        />
      </Card>
      <PersonEditForm
        open={editing !== null}
        {...(editing?.person ? { person: editing.person } : {})}
        enterprises={enterprises ?? []}
        onClose={() => setEditing(null)}
        onSave={async (fields) => {
          if (await save(fields, editing?.person)) setEditing(null);
        }}
      />
      <MergeDrawer
        open={merging}
        {...(selected[0] ? { first: selected[0] } : {})}
        {...(selected[1] ? { second: selected[1] } : {})}
        onClose={() => setMerging(false)}
        onMerged={() => setSelected([])}
      />
      <MergeHistory open={history} onClose={() => setHistory(false)} />
    </Space>
  );
}

interface PeopleTableProps {
  result: PeopleSearchResult | undefined;
  page: number;
  sort: { field: PeopleSortField; order: SortOrder };
  selected: Person[];
  enterpriseName: Map<string, string>;
  filtered: boolean;
  onSelect: (people: Person[]) => void;
  onChange: (page: number, sort: { field: PeopleSortField; order: SortOrder }) => void;
  onNew: () => void;
  onEdit: (person: Person) => void;
}

/** The results: memoised, so that typing in the search box re-renders the rows only when the results change. */
const PeopleTable = memo(function PeopleTable(props: PeopleTableProps) {
  const { result, page, sort, selected, enterpriseName, filtered, onSelect, onChange, onNew, onEdit } = props;
  const { t } = useI18n();
  const navigate = useNavigate();
  const today = localToday();
  return (
    <Table<Person>
      rowKey="id"
      size="middle"
      dataSource={result?.people ?? []}
      loading={!result}
      rowSelection={{
        selectedRowKeys: selected.map((p) => p.id),
        preserveSelectedRowKeys: true,
        hideSelectAll: true,
        onChange: (_, rows) => onSelect(rows.filter((r): r is Person => !!r).slice(-2)),
        getCheckboxProps: (p) => ({ 'aria-label': t('merge.select', { name: p.name }) }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = (s?.columnKey as PeopleSortField | undefined) ?? 'name';
        onChange(
          pagination.current ?? 1,
          s?.order ? { field, order: s.order } : { field: 'name', order: 'ascend' },
        );
      }}
      onRow={(p) => ({ onDoubleClick: () => void navigate(`/people/${p.id}`) })}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: result?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => t('common.total', { total }),
      }}
      locale={{
        emptyText: !result ? (
          <span />
        ) : filtered ? (
          <EmptyState description={t('people.noMatch')} />
        ) : (
          <EmptyState description={t('people.empty')} action={{ label: t('people.new'), onClick: onNew }} />
        ),
      }}
      columns={[
        {
          title: t('people.name'),
          key: 'name',
          sorter: true,
          sortOrder: sort.field === 'name' ? sort.order : null,
          render: (_, p) => <Link to={`/people/${p.id}`}>{p.name}</Link>,
        },
        {
          title: t('people.idNumber'),
          key: 'id',
          render: (_, p) => <MaskedId value={p.idNumber} name={p.name} />,
        },
        {
          title: t('people.gender'),
          key: 'gender',
          width: 64,
          render: (_, p) => (p.gender ? t(p.gender === 'M' ? 'people.male' : 'people.female') : ''),
        },
        {
          title: t('people.age'),
          key: 'age',
          width: 80,
          sorter: true,
          sortOrder: sort.field === 'age' ? sort.order : null,
          render: (_, p) => ageOn(p.birthDate, today) ?? '',
        },
        { title: t('people.phone'), key: 'phone', render: (_, p) => p.phone ?? '' },
        {
          title: t('people.enterprise'),
          key: 'enterprise',
          render: (_, p) =>
            p.enterpriseId && enterpriseName.has(p.enterpriseId) ? (
              <Link to={`/enterprises/${p.enterpriseId}`}>{enterpriseName.get(p.enterpriseId)}</Link>
            ) : (
              ''
            ),
        },
        {
          title: t('people.role'),
          key: 'role',
          render: (_, p) => <Tag color={ROLE_COLOR[p.role]}>{t(ROLE_LABEL[p.role])}</Tag>,
        },
        { title: t('people.trade'), key: 'trade', render: (_, p) => p.trade ?? '' },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 120,
          render: (_, p) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => void navigate(`/people/${p.id}`)}>
                {t('common.open')}
              </Button>
              <Button type="link" size="small" onClick={() => onEdit(p)}>
                {t('common.edit')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
});
