/**
 * The deployed functions the emulator knows, by the secretId of the temporary credentials the function
 * runner injects into each (TENCENTCLOUD_SECRETID / _SECRETKEY / _SESSIONTOKEN). A request signed with
 * any other secretId is refused, as CloudBase refuses an unknown key.
 */
import type { FunctionRegistration } from './service.types'

export class FunctionRegistry {
  private readonly bySecretId = new Map<string, FunctionRegistration>()

  register(registration: FunctionRegistration): void {
    if (!registration.name || !registration.secretId || !registration.secretKey) {
      throw new Error('a function registration needs a name, a secretId and a secretKey')
    }
    const taken = this.bySecretId.get(registration.secretId)
    if (taken && taken.name !== registration.name) {
      throw new Error(`secretId ${registration.secretId} is already registered to function ${taken.name}`)
    }
    this.bySecretId.set(registration.secretId, { ...registration, openapi: [...registration.openapi] })
  }

  bySecret(secretId: string): FunctionRegistration | undefined {
    return this.bySecretId.get(secretId)
  }
}
