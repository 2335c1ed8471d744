import { App } from 'antd';
import {
  DuplicateIdNumberError,
  InvalidIdNumberError,
  savePerson,
  type PersonFields,
} from '../../db/people-repo';
import type { Person } from '../../db/records';
import type { PersonIdError } from '../../domain/id-document';
import { useI18n } from '../../i18n/i18n';
import { useServices } from '../shell/app-context';
import { idErrorMessage } from './id-messages';

/** Saves a person from the register's form and says how it went; false when the register refused it. */
export function useSavePerson() {
  const { t } = useI18n();
  const { ctx } = useServices();
  const { message } = App.useApp();
  return async (fields: PersonFields, person?: Person): Promise<Person | null> => {
    try {
      const saved = await savePerson(ctx, fields, person?.id);
      void message.success(t('people.saved', { name: saved.name }));
      return saved;
    } catch (error) {
      if (error instanceof DuplicateIdNumberError) {
        void message.error(t('people.idTaken', { name: error.holder.name }));
        return null;
      }
      if (error instanceof InvalidIdNumberError) {
        void message.error(t(idErrorMessage(fields.idType, error.reason as PersonIdError)));
        return null;
      }
      throw error;
    }
  };
}
