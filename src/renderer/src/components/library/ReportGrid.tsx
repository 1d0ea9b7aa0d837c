import { useMemo } from 'react'
import { AgGridReact } from 'ag-grid-react'
import { themeQuartz, type ColDef } from 'ag-grid-community'
import { STATUS_LABELS, type ReportSummary } from '../../../../shared/types'
import { AG_GRID_ZH } from '../../grid-locale'
import { formatTime } from '../../format'

export const gridTheme = themeQuartz.withParams({
  // System fonts only: the app never loads a remote font.
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 34,
  accentColor: '#1f5fa8',
  headerBackgroundColor: '#f1f4f8',
  wrapperBorderRadius: 4
})

const FORMAT_LABELS: Record<string, string> = { docx: 'Word', doc: 'Word 97', odt: 'OpenDocument', html: '网页', mht: '网页存档', txt: '文本', pdf: 'PDF', image: '图片' }

interface Props {
  reports: ReportSummary[]
  onOpen: (id: number) => void
}

/** The library list: sortable by any column; double-click or Enter opens a report. */
export function ReportGrid({ reports, onOpen }: Props): React.JSX.Element {
  const columns = useMemo<ColDef<ReportSummary>[]>(
    () => [
      { headerName: '机关', colId: 'agency', valueGetter: (p) => p.data?.agency ?? '（未识别）', flex: 2, minWidth: 200 },
      { headerName: '年度', field: 'year', width: 80 },
      { headerName: '格式', field: 'template', width: 96, valueFormatter: (p) => (p.value ? `${p.value} 版` : '无标准表') },
      { headerName: '文件类型', field: 'format', width: 96, valueFormatter: (p) => FORMAT_LABELS[p.value] ?? p.value },
      {
        headerName: '状态',
        field: 'status',
        width: 96,
        cellRenderer: (p: { value: ReportSummary['status'] }) => (
          <span className={`status-badge status-badge--${p.value}`}>{STATUS_LABELS[p.value]}</span>
        ),
        cellClass: 'status-cell'
      },
      {
        headerName: '未解决问题',
        field: 'openFindings',
        width: 110,
        type: 'numericColumn',
        cellClass: (p) => (p.value > 0 ? 'ag-right-aligned-cell open-findings--bad' : 'ag-right-aligned-cell muted')
      },
      { headerName: '最后修改', field: 'updatedAt', width: 150, valueFormatter: (p) => formatTime(p.value), sort: 'desc' },
      { headerName: '文件名', field: 'fileName', flex: 1.5, minWidth: 180, cellClass: 'muted' }
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
        onRowDoubleClicked={(e) => e.data && onOpen(e.data.id)}
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | null)?.key
          if (key === 'Enter' && e.data) onOpen(e.data.id)
        }}
      />
    </div>
  )
}
