// Plain data that crosses the IPC boundary.

import type { SourceFormat } from '../core/document'
import type { TemplateId } from '../core/template/cells'

export type ReportStatus = 'pending' | 'problem' | 'verified'

export const STATUS_LABELS: Record<ReportStatus, string> = {
  pending: '待核验',
  problem: '有问题',
  verified: '已核验'
}

export interface LibraryInfo {
  path: string
  reportCount: number
  schemaVersion: number
}

export interface ReportSummary {
  id: number
  fileName: string
  size: number
  sha256: string
  format: SourceFormat
  agency: string | null
  year: number | null
  template: TemplateId | null
  status: ReportStatus
  openFindings: number
  importedAt: string
  updatedAt: string
}

export type ImportOutcome =
  | { name: string; status: 'imported'; reportId: number; warnings: string[] }
  | { name: string; status: 'duplicate'; reportId: number }
  | { name: string; status: 'failed'; error: string }
