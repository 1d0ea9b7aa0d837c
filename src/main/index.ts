// Electron glue: one window, the IPC handler table, the security baseline. Logic lives elsewhere.

import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Library } from '../library/library'
import { channelOf, invokeHandler, OPERATIONS, type Handlers, type Operation } from '../shared/contract'
import { createHandlers, type Dialogs } from './handlers'
import { rememberLibrary, resolveLibraryPath } from './library-path'
import { createExtractionHost, hostExtractor } from './extraction-host'
import { fileJobsStore, importJobsSetting } from './import-jobs'
import { utilityProcessSpawner } from './utility-spawner'
import { electronPdfRenderer } from './paper-pdf'

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  // One writer per library: a second instance hands over to the first and quits.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  void app.whenReady().then(start)
}

function start(): void {
  blockNetwork()
  const userData = app.getPath('userData')
  let library: Library
  try {
    library = new Library(resolveLibraryPath(process.argv, process.env, userData), { nativeBinding: electronSqliteBinding() })
  } catch (e) {
    dialog.showErrorBox('无法打开资料库', (e as Error).message)
    app.quit()
    return
  }
  const openLibrary = (path: string): Library => {
    library = new Library(path, { nativeBinding: electronSqliteBinding(), existingOnly: true })
    rememberLibrary(userData, path)
    return library
  }
  // Extraction runs in utility processes, as many at once as the 同时解析 setting says: a file that
  // aborts V8 ends its process, not the app nor the other files.
  const extraction = createExtractionHost(utilityProcessSpawner(join(__dirname, 'extraction-child.js')))
  const jobs = importJobsSetting(extraction, fileJobsStore(userData))
  registerHandlers(
    createHandlers({
      library,
      extract: hostExtractor(extraction),
      dialogs: electronDialogs,
      openLibrary,
      jobs,
      renderPdf: electronPdfRenderer
    })
  )
  mainWindow = createWindow()
  // The first child (about 70 MB, kept for the session once used) loads the engine while the window
  // opens: the first file dropped does not wait for it.
  mainWindow.once('ready-to-show', () => extraction.warm())
  app.on('window-all-closed', () => {
    void extraction.close()
    library.close()
    app.quit()
  })
}

/** In development the Electron build of better-sqlite3 sits apart from the Node one the tests use. */
function electronSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined
  const path = join(app.getAppPath(), 'build/native/electron/better_sqlite3.node')
  return existsSync(path) ? path : undefined
}

const electronDialogs: Dialogs = {
  async chooseSavePath({ title, defaultName, extensions, folder }) {
    if (!mainWindow) return null
    if (folder) {
      const r = await dialog.showOpenDialog(mainWindow, { title, properties: ['openDirectory', 'createDirectory'] })
      return r.canceled ? null : (r.filePaths[0] ?? null)
    }
    const r = await dialog.showSaveDialog(mainWindow, { title, defaultPath: defaultName, filters: [{ name: extensions.join('/'), extensions }] })
    return r.canceled ? null : (r.filePath ?? null)
  },
  async chooseOpenPath({ title, extensions }) {
    if (!mainWindow) return null
    const r = await dialog.showOpenDialog(mainWindow, { title, properties: ['openFile'], filters: [{ name: extensions.join('/'), extensions }] })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  }
}

function rendererUrl(): string {
  const dev = process.env['ELECTRON_RENDERER_URL']
  return dev && !app.isPackaged ? dev : pathToFileURL(join(__dirname, '../renderer/index.html')).href
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    title: '年报核验台',
    icon: join(__dirname, '../../resources/icon.png'),
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  const home = rendererUrl()
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== home) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  void win.loadURL(home)
  return win
}

/** Offline means offline: the app itself never reaches the network, whatever a document contains. */
function blockNetwork(): void {
  const dev = process.env['ELECTRON_RENDERER_URL']
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url
    // blob: is memory the page made itself (pdf.js may use it); it never leaves the machine.
    const local = ['file:', 'data:', 'blob:', 'devtools:'].some((scheme) => url.startsWith(scheme)) || (dev && url.startsWith(dev))
    callback({ cancel: !local })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  void shell // never used to open links from documents
}

function registerHandlers(handlers: Handlers): void {
  for (const op of OPERATIONS) {
    ipcMain.handle(channelOf(op), (event, args) => {
      if (!fromAppWindow(event)) {
        return { ok: false, error: { code: 'ipc.forbidden', message: '拒绝来自未知窗口的调用' } }
      }
      return invokeHandler(handlers, op as Operation, args)
    })
  }
}

function fromAppWindow(event: IpcMainInvokeEvent): boolean {
  if (!mainWindow || event.sender !== mainWindow.webContents) return false
  const url = event.senderFrame?.url ?? ''
  const home = rendererUrl()
  return url === home || url.startsWith(home.replace(/index\.html$/, ''))
}
