import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashPin, pinHashNeedsUpgrade, verifyPin } from '../../../electron/main/staff/pin-hash'
import { OWASP_SCRYPT } from '../../../electron/main/vault/scrypt'
import { FAST_SCRYPT } from '../vault/fixtures'

const pepper = randomBytes(32)
const fast = { cost: FAST_SCRYPT }

describe('PIN hashing', () => {
  it('at OWASP parameters (N=2^17, r=8, p=1): verifies, and takes the measured time', async () => {
    const hashStart = performance.now()
    const stored = await hashPin('4826', pepper)
    const hashMs = performance.now() - hashStart
    const verifyStart = performance.now()
    expect(await verifyPin('4826', pepper, stored)).toBe(true)
    const verifyMs = performance.now() - verifyStart
    expect(await verifyPin('4827', pepper, stored)).toBe(false)
    expect(stored.startsWith(`scrypt$${2 ** 17}$8$1$`)).toBe(true)
    expect(pinHashNeedsUpgrade(stored)).toBe(false)
    const perGuess = (hashMs + verifyMs) / 2
    console.log(
      `PIN hash scrypt N=2^17,r=8,p=1 (Node ${process.version}): hash ${hashMs.toFixed(0)} ms, verify ${verifyMs.toFixed(0)} ms; ` +
        `whole 4-digit space on one core ≈ ${((perGuess * 1e4) / 60000).toFixed(0)} min, 6-digit ≈ ${((perGuess * 1e6) / 3.6e6).toFixed(0)} h (only with the pepper)`,
    )
    // The cost is asserted by the parameters in the stored string above; the time is printed, not
    // asserted (these machines are shared and noisy; timing belongs to the benchmark).
  })

  it('stores a self-describing string: scrypt$N$r$p$salt$hash, with a fresh salt each time', async () => {
    const a = await hashPin('4826', pepper, fast)
    const b = await hashPin('4826', pepper, fast)
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('4826')
    expect(await verifyPin('4826', pepper, a)).toBe(true)
    expect(await verifyPin('4826', pepper, b)).toBe(true)
  })

  it('needs the pepper: the same PIN with another pepper does not verify', async () => {
    const stored = await hashPin('4826', pepper, fast)
    expect(await verifyPin('4826', randomBytes(32), stored)).toBe(false)
  })

  it('rejects wrong PINs and malformed stored hashes without throwing', async () => {
    const stored = await hashPin('4826', pepper, fast)
    for (const wrong of ['', '482', '48260', '4825', '04826']) expect(await verifyPin(wrong, pepper, stored)).toBe(false)
    for (const bad of ['', 'scrypt$1024$8$1$abc', 'bcrypt$1024$8$1$a$b', stored.replace('$1024$', '$1000$'), stored.slice(0, -4)]) {
      expect(await verifyPin('4826', pepper, bad)).toBe(false)
    }
  })

  it('refuses a short pepper', async () => {
    await expect(hashPin('4826', randomBytes(8), fast)).rejects.toThrow(/pepper/)
  })

  it('reports hashes below the wanted cost as needing an upgrade', async () => {
    expect(pinHashNeedsUpgrade(await hashPin('4826', pepper, fast), OWASP_SCRYPT)).toBe(true)
    expect(pinHashNeedsUpgrade('garbage')).toBe(true)
  })
})
