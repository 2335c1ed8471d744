/** Live queries re-run when the tables they read change; features use them through here (only db/ knows Dexie). */
export { useLiveQuery } from 'dexie-react-hooks';
