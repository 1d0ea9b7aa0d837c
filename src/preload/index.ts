// The preload exposes one named function per operation of the contract, never ipcRenderer itself.

import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { channelOf, unwrapEnvelope, type Api, type ArgsOf, type Envelope, type FilesApi, type Operation, type ResultOf } from '../shared/contract'

function call<K extends Operation>(op: K) {
  return async (args: ArgsOf<K>): Promise<ResultOf<K>> => unwrapEnvelope((await ipcRenderer.invoke(channelOf(op), args)) as Envelope<ResultOf<K>>)
}

const api = {
  getLibraryInfo: call('getLibraryInfo'),
  importFiles: call('importFiles'),
  checkReportFiles: call('checkReportFiles'),
  importProgress: call('importProgress'),
  cancelImport: call('cancelImport'),
  getImportJobs: call('getImportJobs'),
  setImportJobs: call('setImportJobs'),
  listReports: call('listReports'),
  getReport: call('getReport'),
  getSource: call('getSource'),
  editCell: call('editCell'),
  editMeta: call('editMeta'),
  cellHistory: call('cellHistory'),
  reportHistory: call('reportHistory'),
  acceptFinding: call('acceptFinding'),
  markTableAbsent: call('markTableAbsent'),
  markCellsBlank: call('markCellsBlank'),
  settleBlankCells: call('settleBlankCells'),
  confirmCell: call('confirmCell'),
  setTableForm: call('setTableForm'),
  setPublishedDate: call('setPublishedDate'),
  markMetaUnstated: call('markMetaUnstated'),
  deleteReport: call('deleteReport'),
  verifyReport: call('verifyReport'),
  getSettings: call('getSettings'),
  setReviewer: call('setReviewer'),
  exportReports: call('exportReports'),
  exportPaper: call('exportPaper'),
  exportProgress: call('exportProgress'),
  backupLibrary: call('backupLibrary'),
  mergeLibrary: call('mergeLibrary'),
  openLibrary: call('openLibrary'),
  reextractStale: call('reextractStale'),
  getStats: call('getStats'),
  compareAgency: call('compareAgency'),
  saveChart: call('saveChart'),
  listMergeConflicts: call('listMergeConflicts'),
  settleMergeConflict: call('settleMergeConflict'),
  assessReport: call('assessReport'),
  assessList: call('assessList'),
  assessRanking: call('assessRanking'),
  exportAssessment: call('exportAssessment'),
  chooseRubric: call('chooseRubric')
} satisfies Api

/** Where a dropped or picked file is on disk ('' when it is not a file of the disk): not an IPC call. */
const files = { pathForFile: (file: File): string => webUtils.getPathForFile(file) } satisfies FilesApi

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('files', files)
