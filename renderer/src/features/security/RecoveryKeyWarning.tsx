import { useEffect, useState } from 'react'
import { hrefFor } from '../../app/routes'
import { Notice } from '../../components/Notice'
import { api } from '../../lib/api'

/**
 * A warning where it matters (Settings, Backups) while the vault has no
 * recovery key: backups hold only encrypted codes, so without the key a dead
 * computer loses them all.
 */
export function RecoveryKeyWarning({ version = 0 }: { readonly version?: number }) {
  const [missing, setMissing] = useState(false)
  useEffect(() => {
    let current = true
    api.security.status({}).then(
      (status) => {
        if (current) setMissing(status.vault === 'unlocked' && !status.hasRecoveryKey)
      },
      () => {
        // The warning is extra; the screen around it reports its own problems.
      },
    )
    return () => {
      current = false
    }
  }, [version])
  if (!missing) return null
  return (
    <Notice tone="warning" title="The code vault has no recovery key" testId="no-recovery-key">
      <p>
        Backups hold the radio codes only encrypted, and this computer holds the key. If it breaks or is replaced, every code is lost.
        A manager can make a recovery key under{' '}
        <a href={hrefFor('settings')}>Settings → Shop, printers and sign-out → Vault recovery key</a>, and print
        it for the shop safe.
      </p>
    </Notice>
  )
}
