export interface AgencyCompareProps {
  agencyKey: string
  /** The agency's name as the 统计 table shows it. */
  agency: string | null
  /** Unverified reports too (the screen's status filter). */
  all: boolean
  onOpenReport: (reportId: number) => void
  onClose: () => void
}

/** 机关历年对比: built on the stats-compare branch. */
export function AgencyCompare({ agency }: AgencyCompareProps): React.JSX.Element {
  return <section className="agency-compare" data-testid="agency-compare" aria-label={`${agency ?? ''} 历年对比`} />
}
