// The few AG Grid texts the app's grids can show, in Simplified Chinese.
export const AG_GRID_ZH: Record<string, string> = {
  noRowsToShow: '没有可显示的报告',
  loadingOoo: '正在加载…',
  page: '页',
  of: '/',
  to: '至',
  sortAscending: '升序',
  sortDescending: '降序',
  pinColumn: '固定列',
  autosizeThisColumn: '自动调整列宽',
  autosizeAllColumns: '自动调整所有列宽',
  resetColumns: '重置列',
  copy: '复制',
  ariaRowSelect: '选择此行'
}
