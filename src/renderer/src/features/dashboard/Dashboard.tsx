// The Dashboard view. The plots and their charting library load the first
// time it is opened, so the rest of the window starts without them.
import { lazy, Suspense } from 'react'
import type { DashboardProps } from './DashboardPlots'

const DashboardPlots = lazy(() => import('./DashboardPlots'))

export function Dashboard(props: DashboardProps) {
  return (
    <Suspense fallback={<p className="hint">Opening the Dashboard…</p>}>
      <DashboardPlots {...props} />
    </Suspense>
  )
}
