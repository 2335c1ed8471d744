import { useState } from 'react';
import { Card, Empty, Input, Space, Table, Typography } from 'antd';
import { useLiveQuery } from '../../db/live';
import { isLive } from '../../db/context';
import type { Person } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { MaskedId } from '../../ui/MaskedId';
import { useServices } from '../shell/app-context';

function ageOn(birthDate: string | undefined, today: Date): number | undefined {
  if (!birthDate) return undefined;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d);
  return today.getFullYear() - y - (beforeBirthday ? 1 : 0);
}

/** The register of trainees. Search by name, ID-number fragment or phone; the full register comes with issue 3. */
export function PeoplePage() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const [query, setQuery] = useState('');
  const data = useLiveQuery(async () => {
    const [people, enterprises] = await Promise.all([ctx.db.people.toArray(), ctx.db.enterprises.toArray()]);
    return {
      people: people.filter((p) => isLive(p)),
      enterprises: new Map(enterprises.map((e) => [e.id, e.name])),
    };
  }, [ctx]);
  const q = query.trim().toUpperCase();
  const rows = (data?.people ?? []).filter(
    (p) => !q || p.name.includes(q) || p.idNumber.includes(q) || (p.phone ?? '').includes(q),
  );
  const today = new Date();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('nav.people')}
      </Typography.Title>
      <Card>
        <Input.Search
          allowClear
          aria-label={t('people.search')}
          placeholder={t('people.search')}
          style={{ maxWidth: 360, marginBottom: 16 }}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Table<Person>
          rowKey="id"
          dataSource={rows}
          loading={!data}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          locale={{ emptyText: <Empty description={t('people.empty')} /> }}
          columns={[
            {
              title: t('people.name'),
              dataIndex: 'name',
              sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            },
            {
              title: t('people.idNumber'),
              key: 'id',
              render: (_, p) => <MaskedId value={p.idNumber} name={p.name} />,
            },
            {
              title: t('people.gender'),
              dataIndex: 'gender',
              render: (g?: 'M' | 'F') => (g ? t(g === 'M' ? 'people.male' : 'people.female') : ''),
            },
            { title: t('people.age'), key: 'age', render: (_, p) => ageOn(p.birthDate, today) ?? '' },
            { title: t('people.phone'), dataIndex: 'phone' },
            {
              title: t('people.enterprise'),
              key: 'enterprise',
              render: (_, p) => (p.enterpriseId ? (data?.enterprises.get(p.enterpriseId) ?? '') : ''),
            },
            { title: t('people.trade'), dataIndex: 'trade' },
          ]}
        />
      </Card>
    </Space>
  );
}
