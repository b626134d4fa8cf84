import { contextBridge, ipcRenderer } from 'electron'
import { createApi } from './api'

const api = createApi(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => ipcRenderer.removeListener(channel, wrapped)
  }
)

contextBridge.exposeInMainWorld('api', api)
