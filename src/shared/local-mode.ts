/**
 * The H5 build exists only for the local host (demo and browser tests): there the caller's identity is
 * a demo persona chosen in the app and sent as `x-openid`. The weapp build never has this.
 */
import Taro from '@tarojs/taro'

export const IS_LOCAL_MODE = process.env.TARO_ENV === 'h5'

const PERSONA_KEY = 'dev.persona.openid'

export function currentPersona(): string | null {
  if (!IS_LOCAL_MODE) return null
  // A test or a shared link can pick the persona in the URL: ?as=<openid>
  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('as')
  if (fromUrl) {
    Taro.setStorageSync(PERSONA_KEY, fromUrl)
    // Take it out of the address so a later switch in the app is not overridden on reload.
    params.delete('as')
    const query = params.toString()
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`)
    return fromUrl
  }
  return (Taro.getStorageSync(PERSONA_KEY) as string) || null
}

export function choosePersona(openid: string): void {
  Taro.setStorageSync(PERSONA_KEY, openid)
}
