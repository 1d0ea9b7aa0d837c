import type { Api, FilesApi } from '../shared/contract'

declare global {
  interface Window {
    api: Api
    /** Only in the app (the browser test bridge has no disk paths). */
    files?: FilesApi
  }
}
export {}
