import { App, Button, Space } from 'antd';
import { mergePeople, MergeError, undoMerge, type MergeErrorReason } from '../../db/merges-repo';
import type { Person } from '../../db/records';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';

const REFUSED: Record<MergeErrorReason, MessageKey> = {
  'same-person': 'merge.refused.samePerson',
  'not-found': 'merge.refused.notFound',
  'already-undone': 'merge.refused.alreadyUndone',
  'later-merge': 'merge.refused.laterMerge',
  'id-taken': 'merge.refused.idTaken',
};

/** How long the undo offer stays after a merge. */
const UNDO_SECONDS = 12;

/** Merging and undoing, with the outcome told in a message; a merge's message offers to undo it at once. */
export function useMergeActions() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();

  const refused = (error: unknown): boolean => {
    if (!(error instanceof MergeError)) return false;
    void message.error(t(REFUSED[error.reason], { name: error.holder?.name ?? '' }));
    return true;
  };

  const undo = async (mergeId: string): Promise<boolean> => {
    try {
      await undoMerge(ctx, mergeId);
      void message.success(t('merge.undone'));
      return true;
    } catch (error) {
      if (refused(error)) return false;
      throw error;
    }
  };

  const merge = async (kept: Person, removed: Person): Promise<boolean> => {
    try {
      const done = await mergePeople(ctx, kept.id, removed.id);
      const key = `merge-${done.id}`;
      void message.success({
        key,
        duration: UNDO_SECONDS,
        content: (
          <Space size={4}>
            {t('merge.done', { name: kept.name })}
            <Button
              type="link"
              size="small"
              onClick={() => {
                message.destroy(key);
                void undo(done.id);
              }}
            >
              {t('merge.undo')}
            </Button>
          </Space>
        ),
      });
      return true;
    } catch (error) {
      if (refused(error)) return false;
      throw error;
    }
  };

  return { merge, undo };
}
