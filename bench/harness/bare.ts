/**
 * Cold start's baseline: a page that does nothing but open the app's database with raw IndexedDB and read one
 * record. It records the time since navigation when the record is read, as `window.benchBareOpen`.
 */
import { DATABASE_NAME } from '../../renderer/src/db/database';

declare global {
  interface Window {
    benchBareOpen?: number;
  }
}

const open = indexedDB.open(DATABASE_NAME);
open.onsuccess = () => {
  const db = open.result;
  const cursor = db.transaction('settings', 'readonly').objectStore('settings').openCursor();
  cursor.onsuccess = () => {
    window.benchBareOpen = performance.now();
    db.close();
  };
};
