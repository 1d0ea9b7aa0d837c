import { useMemo } from 'react'
import { AgGridReact } from 'ag-grid-react'
import { themeQuartz, type ColDef } from 'ag-grid-community'
import { STATUS_LABELS, type ReportSummary } from '../../../shared/types'
import { AG_GRID_ZH } from '../grid-locale'

export const gridTheme = themeQuartz.withParams({
  // System fonts only: the app never loads a remote font.
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1f5fa8',
  headerBackgroundColor: '#f1f4f8'
})

const FORMAT_LABELS: Record<string, string> = { docx: 'Word', doc: 'Word 97', html: '网页', txt: '文本', pdf: 'PDF' }

function formatTime(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function ReportGrid({ reports }: { reports: ReportSummary[] }): React.JSX.Element {
  const columns = useMemo<ColDef<ReportSummary>[]>(
    () => [
      { headerName: '机关', valueGetter: (p) => p.data?.agency ?? '（未识别）', flex: 2, minWidth: 200 },
      { headerName: '年度', field: 'year', width: 90 },
      { headerName: '格式版本', field: 'template', width: 100, valueFormatter: (p) => (p.value ? `${p.value} 版` : '无标准表') },
      { headerName: '文件', field: 'fileName', flex: 2, minWidth: 180 },
      { headerName: '类型', field: 'format', width: 90, valueFormatter: (p) => FORMAT_LABELS[p.value] ?? p.value },
      {
        headerName: '状态',
        field: 'status',
        width: 100,
        valueFormatter: (p) => STATUS_LABELS[p.value as ReportSummary['status']],
        cellClass: (p) => `status-cell status-cell--${p.value}`
      },
      { headerName: '未解决问题', field: 'openFindings', width: 110, type: 'numericColumn' },
      { headerName: '最后修改', field: 'updatedAt', width: 150, valueFormatter: (p) => formatTime(p.value), sort: 'desc' }
    ],
    []
  )
  return (
    <div className="report-grid" data-testid="report-grid">
      <AgGridReact<ReportSummary>
        theme={gridTheme}
        rowData={reports}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        getRowId={(p) => String(p.data.id)}
        localeText={AG_GRID_ZH}
        domLayout="normal"
      />
    </div>
  )
}
