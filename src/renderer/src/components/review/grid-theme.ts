import { themeQuartz } from 'ag-grid-community'

/** Dense, ruled like the printed form: every cell boxed, small radius, system CJK fonts. */
export const reviewGridTheme = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 28,
  headerHeight: 30,
  spacing: 4,
  cellHorizontalPadding: 6,
  wrapperBorderRadius: 2,
  columnBorder: true,
  headerColumnBorder: true,
  accentColor: '#1f5fa8',
  headerBackgroundColor: '#eef2f7',
  borderColor: '#cfd8e3',
  rowHoverColor: 'transparent'
})
