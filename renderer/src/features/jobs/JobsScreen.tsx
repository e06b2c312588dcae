import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'

export function JobsScreen() {
  return (
    <>
      <ScreenHeader title="Jobs" lead="Battery jobs, open and finished." />
      <EmptyState title="Battery jobs are not available yet">
        <p>
          Battery jobs arrive in a coming update. Each job will check that the radio code is known before the battery is
          disconnected, record the battery test, and print the customer’s code card at checkout.
        </p>
      </EmptyState>
    </>
  )
}
