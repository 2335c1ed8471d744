/** The e2e suite serves the built renderer on its own port, apart from the app's fixed browser-mode port. */
export const E2E_PORT = 4173;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}/`;
