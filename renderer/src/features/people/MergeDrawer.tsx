import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Drawer, Form, Radio, Row, Space, Typography } from 'antd';
import { useLiveQuery } from '../../db/live';
import { trainingHistory } from '../../db/history-repo';
import { listEnterprises } from '../../db/people-repo';
import type { Person } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { MaskedId } from '../../ui/MaskedId';
import { useServices } from '../shell/app-context';
import { ID_TYPE_LABEL } from './labels';
import { PersonPicker } from './PersonPicker';
import { useMergeActions } from './use-merge-actions';
import { usePeopleSearch } from './use-people-search';

/**
 * Merges two records of one person: pick the other record (unless two were chosen in the list), compare them side
 * by side with what each carries, choose the one to keep, confirm. The message that follows offers to undo.
 */
export function MergeDrawer(props: {
  open: boolean;
  first?: Person;
  second?: Person;
  onClose: () => void;
  onMerged?: (kept: Person) => void;
}) {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { merge } = useMergeActions();
  const [otherId, setOtherId] = useState<string>();
  const [keptId, setKeptId] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!props.open) return;
    setOtherId(props.second?.id);
    setKeptId(props.first?.id);
  }, [props.open, props.first, props.second]);

  const data = useLiveQuery(async () => {
    const ids = [props.first?.id, otherId].filter((id): id is string => !!id);
    const [people, history, enterprises] = await Promise.all([
      ctx.db.people.bulkGet(ids),
      trainingHistory(ctx, ids),
      listEnterprises(ctx),
    ]);
    return {
      people: people.filter((p): p is Person => p !== undefined && !p.deletedAt),
      history,
      enterprises: new Map(enterprises.map((e) => [e.id, e.name])),
    };
  }, [ctx, props.first?.id, otherId]);

  // Records of the same name are the likely duplicates: offered before anything is typed.
  const sameName = usePeopleSearch({
    text: props.first?.name ?? '',
    ...(props.first ? { excludeIds: [props.first.id] } : {}),
    limit: 10,
  });
  const pair = data?.people.length === 2 ? data.people : undefined;
  const kept = pair?.find((p) => p.id === keptId);
  const removed = pair?.find((p) => p.id !== keptId);

  const confirm = async () => {
    if (!kept || !removed) return;
    setBusy(true);
    try {
      if (await merge(kept, removed)) {
        props.onClose();
        props.onMerged?.(kept);
      }
    } finally {
      setBusy(false);
    }
  };

  const card = (person: Person) => {
    const history = data?.history.filter((h) => h.personId === person.id) ?? [];
    const certificates = history.filter((h) => h.certificate?.status === 'valid').length;
    return (
      <Card
        size="small"
        title={
          <Radio value={person.id} aria-label={t('merge.keepThis', { name: person.name })}>
            {t('merge.keepThis', { name: person.name })}
          </Radio>
        }
        style={{ borderColor: person.id === keptId ? '#1f5fa8' : undefined }}
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            { label: t('people.name'), children: person.name },
            { label: t('people.idType'), children: t(ID_TYPE_LABEL[person.idType]) },
            {
              label: t('people.idNumber'),
              children: <MaskedId value={person.idNumber} name={person.name} />,
            },
            { label: t('people.birthDate'), children: person.birthDate ?? '—' },
            {
              label: t('people.enterprise'),
              children: (person.enterpriseId && data?.enterprises.get(person.enterpriseId)) ?? '—',
            },
            { label: t('people.phone'), children: person.phone ?? '—' },
            {
              label: t('merge.carries'),
              children: t('merge.carriesDetail', { trainings: history.length, certificates }),
            },
          ]}
        />
      </Card>
    );
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('merge.title')}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger
            disabled={!kept || !removed}
            loading={busy}
            onClick={() => void confirm()}
          >
            {t('merge.confirm')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('merge.explain')} />
        {!props.second && props.first && (
          <Form layout="vertical">
            <Form.Item label={t('merge.other')} extra={t('merge.otherHint')}>
              <PersonPicker
                ariaLabel={t('merge.other')}
                value={otherId}
                excludeIds={[props.first.id]}
                suggested={sameName?.people ?? []}
                onChange={(value) => setOtherId(typeof value === 'string' ? value : undefined)}
              />
            </Form.Item>
          </Form>
        )}
        {pair && (
          <Radio.Group
            value={keptId}
            onChange={(e) => setKeptId(e.target.value as string)}
            style={{ width: '100%' }}
          >
            <Row gutter={16}>
              {pair.map((p) => (
                <Col span={12} key={p.id}>
                  {card(p)}
                </Col>
              ))}
            </Row>
          </Radio.Group>
        )}
        {kept && removed && (
          <Typography.Paragraph>
            {t('merge.summary', { kept: kept.name, removed: removed.name })}
          </Typography.Paragraph>
        )}
      </Space>
    </Drawer>
  );
}
