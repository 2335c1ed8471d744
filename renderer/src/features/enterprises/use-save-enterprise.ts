import { App } from 'antd';
import {
  DuplicateEnterpriseError,
  InvalidCreditCodeError,
  saveEnterprise,
  type EnterpriseInput,
} from '../../db/enterprises-repo';
import type { Enterprise } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { CREDIT_CODE_ERROR_MESSAGE } from './labels';

/** Saves an enterprise from the form and says how it went; null when the register refused it. */
export function useSaveEnterprise() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  return async (input: EnterpriseInput, enterprise?: Enterprise): Promise<Enterprise | null> => {
    try {
      const saved = await saveEnterprise(ctx, input, enterprise?.id);
      void message.success(t('enterprises.saved', { name: saved.name }));
      return saved;
    } catch (error) {
      if (error instanceof InvalidCreditCodeError) {
        void message.error(t(CREDIT_CODE_ERROR_MESSAGE[error.reason]));
        return null;
      }
      if (error instanceof DuplicateEnterpriseError) {
        void message.error(
          t(error.field === 'name' ? 'enterprises.nameTaken' : 'enterprises.creditCodeTaken', {
            name: error.holder.name,
          }),
        );
        return null;
      }
      throw error;
    }
  };
}
