// Verifying a report whose near-duplicate is verified is refused by the library (code
// verify.near_duplicate) until the reviewer says which one stands: the review screen then opens
// NearDuplicateDialog with those reports.

export const NEAR_DUPLICATE_REFUSAL = 'verify.near_duplicate'

export function isNearDuplicateRefusal(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === NEAR_DUPLICATE_REFUSAL
}

/** The verified near-duplicates of a report (the list row names its near-duplicates; their statuses say which are verified). */
export async function verifiedNearDuplicates(reportId: number): Promise<number[]> {
  const [row] = await window.api.listReports({ ids: [reportId] })
  const others = row?.nearDuplicates ?? []
  if (!others.length) return []
  return (await window.api.listReports({ ids: others }))
    .filter((r) => r.status === 'verified')
    .map((r) => r.id)
    .sort((a, b) => a - b)
}
