import { Button, Card, Drawer, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLiveQuery } from '../../db/live';
import { listMerges, type MergeSummary } from '../../db/merges-repo';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatTime } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { useMergeActions } from './use-merge-actions';

/**
 * The merges made in the register (or of one person), newest first, each with its undo. `asCard`: in a card of its
 * own, shown only when there is something to show (a person's page).
 */
export function MergeList(props: { personId?: string; asCard?: boolean }) {
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const { undo } = useMergeActions();
  const merges = useLiveQuery(() => listMerges(ctx, props.personId), [ctx, props.personId]);

  if (props.asCard) {
    return merges?.length ? (
      <Card title={t('merge.history')}>
        <MergeList {...(props.personId ? { personId: props.personId } : {})} />
      </Card>
    ) : null;
  }
  return (
    <List<MergeSummary>
      loading={!merges}
      dataSource={merges ?? []}
      locale={{ emptyText: <Empty description={t('merge.none')} /> }}
      renderItem={({ merge, kept, removed }) => {
        const at = `${formatDate(merge.at.slice(0, 10), locale)} ${formatTime(merge.at)}`;
        return (
          <List.Item
            actions={[
              merge.undoneAt ? (
                <Tag key="undone">{t('merge.undoneTag')}</Tag>
              ) : (
                <Button
                  key="undo"
                  size="small"
                  aria-label={t('merge.undoOf', { name: removed?.name ?? '' })}
                  onClick={() => void undo(merge.id)}
                >
                  {t('merge.undo')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <span>
                  {kept ? <Link to={`/people/${kept.id}`}>{kept.name}</Link> : '—'}
                  {kept && <Typography.Text type="secondary"> {maskIdNumber(kept.idNumber)}</Typography.Text>}
                  {' ← '}
                  {removed?.name ?? '—'}
                  {removed && (
                    <Typography.Text type="secondary"> {maskIdNumber(removed.idNumber)}</Typography.Text>
                  )}
                </span>
              }
              description={
                <Typography.Text type="secondary">
                  {t('merge.line', {
                    at,
                    moved: merge.moved.length,
                    dropped: merge.dropped.length,
                  })}
                </Typography.Text>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}

export function MergeHistory(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={props.open} onClose={props.onClose} title={t('merge.history')} size="large" destroyOnHidden>
      <MergeList />
    </Drawer>
  );
}
