/**
 * Runs in the sandboxed preload, so it is bundled into one CommonJS file whose only require is 'electron'
 * (scripts/build-electron.mjs checks that). It exposes `window.desktop` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../contract';
import { createDesktopApi, type Invoke, type Subscribe } from './desktop-api';

const invoke: Invoke = (channel, req) => ipcRenderer.invoke(channel, req);

// Only the named event reaches the page, and the listener gets no IpcRendererEvent (it would expose `sender`).
const subscribe: Subscribe = (event, listener) => {
  const wrapped = () => listener();
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
};

const api = createDesktopApi(invoke, subscribe) satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
