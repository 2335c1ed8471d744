/**
 * The e2e suite serves the built renderer on its own port, apart from the app's fixed browser-mode port.
 * SAFETRAIN_E2E_PORT and SAFETRAIN_E2E_ROOT let two runs share a machine (each with its own build folder).
 */
export const E2E_PORT = Number(process.env.SAFETRAIN_E2E_PORT ?? 4173);
export const E2E_ROOT = process.env.SAFETRAIN_E2E_ROOT;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}/`;
