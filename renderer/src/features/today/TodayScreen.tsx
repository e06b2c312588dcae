import { hrefFor } from '../../app/routes'
import { EmptyState } from '../../components/EmptyState'
import { Kbd } from '../../components/Kbd'
import { ScreenHeader } from '../../components/ScreenHeader'

export function TodayScreen() {
  return (
    <>
      <ScreenHeader title="Today" lead="The cars in for a battery job today, and whether each customer leaves with their radio code." />
      <EmptyState title="No battery jobs yet">
        <p>
          Once battery jobs arrive in a coming update, today’s cars will be listed here: whether the radio code is on file
          before the battery is disconnected, and which customers still need their code card at checkout.
        </p>
        <p>
          For now you can add and look up customers under <a href={hrefFor('customers')}>Customers</a> (
          <Kbd keys="Alt+3" />
          ).
        </p>
      </EmptyState>
    </>
  )
}
