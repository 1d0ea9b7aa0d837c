// Working papers to PDF in the app: a hidden, sandboxed window with JavaScript off loads the print
// view as a data: URL and Chromium prints it (A4 landscape; the page header and numbers come from
// the view's own @page rules). Nothing is loaded from anywhere: the view is one self-contained page.

import { BrowserWindow } from 'electron'
import type { PdfRenderer } from '../library/export/paper'

export const electronPdfRenderer: PdfRenderer = async (html) => {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false }
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })
    return new Uint8Array(pdf)
  } finally {
    win.destroy()
  }
}
