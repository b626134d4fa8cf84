/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { Api } from '../../preload/api'

declare global {
  interface Window {
    /** The preload's API: the only bridge to the main process. */
    readonly api: Api
  }
}
