/**
 * Runs in the sandboxed preload, so it is bundled into one CommonJS file whose only require is 'electron'
 * (scripts/build-electron.mjs checks that). It exposes `window.desktop` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../contract';
import { createDesktopApi, type Invoke } from './desktop-api';

const invoke: Invoke = (channel, req) => ipcRenderer.invoke(channel, req);

const api = createDesktopApi(invoke) satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
