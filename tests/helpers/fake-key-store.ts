import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { createSafeStorageProtectorWith, type SafeStorageApi } from '../../electron/main/vault/key-protector'
import type { KeyStoreAccess } from '../../electron/main/services/security'

/*
 * One computer's OS key store, for tests: safeStorage as Electron gives it on
 * a Linux desktop with a keyring, but the secret is this object's own random
 * key. A vault protected here cannot be opened by another fakeComputerKeyStore(),
 * exactly like a database copied to another computer or Windows account.
 */

function fakeSafeStorage(secret: Buffer): SafeStorageApi {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString(plainText) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', secret, iv)
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', secret, encrypted.subarray(0, 12))
      decipher.setAuthTag(encrypted.subarray(12, 28))
      // Throws on another computer's text, as safeStorage does.
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

export function fakeComputerKeyStore(): KeyStoreAccess {
  const api = fakeSafeStorage(randomBytes(32))
  return {
    assess: () => ({ trusted: true, backend: 'gnome_libsecret', note: 'The vault key is kept in this test computer’s keyring.' }),
    systemProtector: () => createSafeStorageProtectorWith(api, 'linux'),
  }
}
