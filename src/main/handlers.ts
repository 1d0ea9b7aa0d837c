// The handler table behind the IPC contract. No electron here: main registers it with ipcMain,
// and the browser test bridge registers the very same table over page.exposeBinding.

import type { Handlers } from '../shared/contract'
import { UserFacingError } from '../shared/contract'
import type { Extractor, Library } from '../library/library'

/** File dialogs: Electron's in the app, scripted answers in the browser test bridge. */
export interface Dialogs {
  /** A path to write to (for a folder when `folder` is true), or null when the user cancels. */
  chooseSavePath(options: { title: string; defaultName: string; extensions: string[]; folder?: boolean }): Promise<string | null>
  /** An existing file to read, or null when the user cancels. */
  chooseOpenPath(options: { title: string; extensions: string[] }): Promise<string | null>
}

export interface HandlerDeps {
  library: Library
  extract: Extractor
  dialogs: Dialogs
}

const MAX_FILES_PER_CALL = 1000

export function createHandlers({ library, extract, dialogs }: HandlerDeps): Handlers {
  void dialogs
  return {
    getLibraryInfo: () => library.info(),
    importFiles: async ({ files }) => {
      if (!Array.isArray(files)) throw new UserFacingError('import.bad_args', '导入参数无效：缺少文件列表')
      if (files.length > MAX_FILES_PER_CALL) {
        throw new UserFacingError('import.too_many', `一次最多导入 ${MAX_FILES_PER_CALL} 个文件`)
      }
      for (const f of files) {
        if (typeof f?.name !== 'string' || !(f.bytes instanceof Uint8Array)) {
          throw new UserFacingError('import.bad_args', '导入参数无效：每个文件须有名称和内容')
        }
      }
      return library.importFiles(files, extract)
    },
    listReports: ({ search }) => library.listReports(typeof search === 'string' ? search : undefined)
  }
}
