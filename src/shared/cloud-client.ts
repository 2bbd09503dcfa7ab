/**
 * The one client for every cloud call. weapp: Taro.cloud.callFunction (WeChat supplies the identity).
 * h5 (local host): fetch('/api/<fn>') with the demo persona in `x-openid`. Both answer the envelope.
 * Only the api files (src/features/<f>/api/, src/shared/api/) call it: one typed file per call.
 */
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionResult, Envelope, FunctionName } from '../../types'
import { CloudError, NETWORK_ERROR } from './cloud-error'
import { currentPersona, IS_LOCAL_MODE } from './local-mode'

async function send(fn: string, event: Record<string, unknown>): Promise<Envelope<unknown>> {
  if (IS_LOCAL_MODE) {
    const persona = currentPersona()
    const response = await fetch(`/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(persona ? { 'x-openid': persona } : {}) },
      body: JSON.stringify(event),
    })
    return (await response.json()) as Envelope<unknown>
  }
  const { result } = await Taro.cloud.callFunction({ name: fn, data: event })
  return result as Envelope<unknown>
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: Omit<ActionInput<F, A>, 'action'>,
): Promise<ActionResult<F, A>> {
  let envelope: Envelope<unknown>
  try {
    envelope = await send(fn, { ...input, action })
  } catch {
    throw new CloudError(NETWORK_ERROR)
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) throw new CloudError(NETWORK_ERROR)
  if (!envelope.ok) throw new CloudError(envelope.error)
  return envelope.data as ActionResult<F, A>
}
