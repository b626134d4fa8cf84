import { contextBridge, ipcRenderer } from 'electron'
import { createApi, type StartupStorage } from './api'

const api = createApi(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => ipcRenderer.removeListener(channel, wrapped)
  },
  // The page's storage (same origin): the preload asks for the article open last before the app's code loads.
  pageStorage()
)

contextBridge.exposeInMainWorld('api', api)

// Null where the page has no storage (an opaque origin throws on access): the app then asks once it has loaded.
function pageStorage(): StartupStorage | null {
  try {
    return (globalThis as { localStorage?: StartupStorage }).localStorage ?? null
  } catch {
    return null
  }
}
