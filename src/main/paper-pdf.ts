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
    // Base64 rather than percent-encoding: Chinese text grows by 4/3, not 3×, under Chromium's 2 MB URL
    // limit (20 papers, the most one PDF holds, are about 0.6 MB this way, 0.8 MB percent-encoded).
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })
    return new Uint8Array(pdf)
  } finally {
    win.destroy()
  }
}
