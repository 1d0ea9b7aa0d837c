import { openReason } from '../../../../shared/open-items'
import type { OpenItems } from '../../../../shared/types'

/**
 * The honest count under the findings title: what failed, could not be checked, waits for a
 * confirmation, and what was accepted; and, while anything is open, why the report cannot be
 * verified yet (missing tables and unread cells first), in the words the library refuses with.
 */
export function OpenHeadline({ open }: { open: OpenItems }): React.JSX.Element {
  const blocked = openReason(open)
  const counts: [string, number, string][] = [
    ['未通过', open.failed, 'fail'],
    // a missing table is a check that could not be made, like the findings listed under 无法核验
    ['无法核验', open.notAssessable + open.missingTables.length, 'na'],
    ['待确认', open.uncertain, 'uncertain'],
    ['需核对', open.doubts.length, 'doubt'],
    ['已接受', open.accepted, 'accepted']
  ]
  return (
    <div className="open-headline" data-testid="open-headline">
      {blocked && (
        <div className="open-headline__alert" role="status" data-testid="verify-blocked">
          {blocked}
        </div>
      )}
      <div className="open-headline__counts">
        {counts.map(([label, n, cls]) => (
          <span key={label} className={`open-headline__count${n ? ` open-headline__count--${cls}` : ''}`} data-testid={`count-${cls}`}>
            {label} {n}
          </span>
        ))}
      </div>
    </div>
  )
}
