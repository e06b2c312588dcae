import { useEffect, useState } from 'react'
import type { ShopSettings } from '../../../../shared/domain/shop'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export type ShopSettingsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly settings: ShopSettings }
  | { readonly status: 'error'; readonly message: string }

/** The saved shop details (settings.getShop); reloads when main reports they changed. */
export function useShopSettings(): { state: ShopSettingsState; reload: () => void; replace: (settings: ShopSettings) => void } {
  const [state, setState] = useState<ShopSettingsState>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (change.entity === 'shop-settings') reload()
  })

  useEffect(() => {
    let cancelled = false
    api.settings.getShop({}).then(
      (settings) => {
        if (!cancelled) setState({ status: 'ready', settings })
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [version])

  return { state, reload, replace: (settings) => setState({ status: 'ready', settings }) }
}
