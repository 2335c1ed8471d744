// @ts-check
/**
 * Starts SafeTrain from a built tree (`npm start` builds first):
 *   node scripts/start.mjs            Electron when its runtime is installed, else browser mode
 *   node scripts/start.mjs --no-open  browser mode, serve only, keep running until Ctrl+C
 *
 * Browser mode exists because the Electron binary is a separate download that an offline or locked-down office
 * machine may not have; an installed Chromium, Chrome or Edge runs the same renderer from a loopback server.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  browserArgs,
  currentHost,
  dataFolder,
  findBrowser,
  isLinuxRoot,
  prepareProfile,
} from './browser-mode.mjs';
import { findElectronRuntime } from './electron-runtime.mjs';
import {
  assertRendererBuilt,
  choosePort,
  DEFAULT_HOST,
  isSafeTrainServer,
  RENDERER_ROOT,
  REPO_ROOT,
  serve,
} from './serve.mjs';

/** @param {string} zh @param {string} en */
function say(zh, en) {
  console.info(`${zh}\n${en}`);
}

/** @param {string} runtime */
function startElectron(runtime) {
  const env = { ...process.env };
  // Set in some shells by other tools; it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(runtime, [REPO_ROOT], { stdio: 'inherit', env });
  // The terminal sends Ctrl+C to Electron too; wait for it to quit rather than leaving it orphaned.
  process.on('SIGINT', () => child.kill('SIGINT'));
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * Serves on the fixed port, or finds SafeTrain's own server already there (started twice).
 *
 * @param {number} port
 * @returns {Promise<{ url: string; owned: boolean; close: () => Promise<void> }>}
 */
async function serveOrReuse(port) {
  try {
    return { ...(await serve({ root: RENDERER_ROOT, port, host: DEFAULT_HOST })), owned: true };
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    const url = `http://${DEFAULT_HOST}:${port}/`;
    if (!(await isSafeTrainServer(url))) {
      throw new Error(
        `端口 ${port} 已被其他程序占用。/ Port ${port} is used by another program: close it, or set SAFETRAIN_PORT ` +
          '(the data in IndexedDB belongs to the port, so a new port starts with an empty database).',
      );
    }
    say(`安训已在运行：${url}`, `SafeTrain is already running at ${url}`);
    return { url, owned: false, close: () => Promise.resolve() };
  }
}

/** @param {{ port: number; open: boolean }} options */
async function startBrowserMode({ port, open }) {
  assertRendererBuilt(RENDERER_ROOT);
  const server = await serveOrReuse(port);
  if (server.owned) say(`安训地址：${server.url}`, `SafeTrain is served at ${server.url}`);

  /** @type {import('node:child_process').ChildProcess | null} */
  let browser = null;
  let stopping = false;
  // Ctrl+C reaches both this process and the browser, so stop may be asked for twice.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    browser?.kill();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const host = currentHost();
  const executable = open ? findBrowser(host) : null;
  if (open && !executable) {
    say(
      '未找到 Chromium、Chrome 或 Edge 浏览器。请用浏览器打开上面的地址（数据将保存在该浏览器中）。',
      'No Chromium, Chrome or Edge found: open the address above in a browser (the data stays in that browser).',
    );
  }
  if (executable) {
    const profileDir = path.join(dataFolder(host), 'browser-profile');
    prepareProfile(profileDir);
    say(`数据目录：${profileDir}`, `Data folder: ${profileDir}`);
    const child = spawn(
      executable,
      browserArgs({ url: server.url, profileDir, runningAsRoot: isLinuxRoot(host.platform, process.getuid) }),
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    browser = child;
    let stderrTail = '';
    child.stderr?.on('data', (chunk) => (stderrTail = (stderrTail + String(chunk)).slice(-2000)));
    child.on('error', (error) =>
      say(`无法启动浏览器：${error.message}`, `Could not start ${executable}: ${error.message}`),
    );
    child.on('exit', (code) => {
      browser = null;
      if (stopping) return;
      if (code === 0) {
        // The app window was closed: nothing is left to serve.
        say('窗口已关闭，安训已停止。', 'The window was closed: SafeTrain has stopped.');
        stop();
        return;
      }
      say(
        `浏览器异常退出（${code}），服务仍在运行，可用浏览器打开上面的地址。`,
        `The browser exited with ${code}; still serving, open the address above in a browser.\n${stderrTail}`,
      );
    });
  }
  // Without its own server or browser, nothing keeps this process alive, and nothing needs to.
  if (server.owned) say('按 Ctrl+C 停止。', 'Press Ctrl+C to stop.');
}

async function main() {
  const { values } = parseArgs({ options: { 'no-open': { type: 'boolean' }, port: { type: 'string' } } });
  const open = !values['no-open'];
  const runtime = findElectronRuntime();
  if (runtime && open) {
    startElectron(runtime);
    return;
  }
  if (runtime) {
    say(
      '仅提供服务（--no-open），安训以浏览器模式运行。',
      'Serving only (--no-open): SafeTrain runs in browser mode.',
    );
  } else {
    say(
      '未找到 Electron 运行时，安训将以浏览器模式运行。',
      'The Electron runtime is missing: SafeTrain runs in browser mode.',
    );
  }
  await startBrowserMode({ port: choosePort(values.port, process.env), open });
}

main().catch((/** @type {unknown} */ error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
