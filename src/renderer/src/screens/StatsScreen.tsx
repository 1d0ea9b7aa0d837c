interface Props {
  /** Shows these reports in the library list, the filter named by `label`. */
  onShowReports: (ids: number[], label: string) => void
  onOpenReport: (reportId: number) => void
}

/** 统计: what the library's reports say together (built on the stats-screen branch). */
export function StatsScreen({ onShowReports, onOpenReport }: Props): React.JSX.Element {
  void onShowReports
  void onOpenReport
  return <section className="stats" data-testid="stats-screen" />
}
