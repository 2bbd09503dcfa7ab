/**
 * The one client for every cloud call. weapp: Taro.cloud.callFunction (WeChat supplies the identity).
 * h5 (local host): fetch('/api/<fn>') with the demo persona in `x-openid`. Both answer the envelope.
 */
import Taro from '@tarojs/taro'
import type {
  ActionInput,
  ActionName,
  ActionResult,
  AppError,
  Envelope,
  FunctionName,
} from '../../types'
import { currentPersona, IS_LOCAL_MODE } from './local-mode'

/** A failed call, carrying the envelope's code and its Chinese message. */
export class CloudError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'CloudError'
  }
  get code() {
    return this.error.code
  }
}

const NETWORK_ERROR: AppError = { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }

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

/** The one place an error becomes something the person sees. */
export function showError(error: unknown): void {
  const message = error instanceof CloudError ? error.message : NETWORK_ERROR.message
  void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
}
