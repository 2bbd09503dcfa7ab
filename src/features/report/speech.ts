/**
 * Speaking instead of typing, where the phone can turn speech into text: WeChat's 同声传译 plugin on
 * weapp (when the mini-program has added it: config/index.ts TARO_APP_WECHATSI_VERSION), the browser's
 * speech recognition on h5; nowhere else, and then the report form shows no voice button at all.
 */
export interface Listening {
  stop: () => void
}

/** `onText`: what she has said so far (`final` once she has finished); `onEnd`: done, or why not. */
export interface Speech {
  listen: (onText: (text: string, final: boolean) => void, onEnd: (problem?: string) => void) => Listening
}

interface WechatSiManager {
  start: (options: { duration: number; lang: string }) => void
  stop: () => void
  onRecognize: (result: { result: string }) => void
  onStop: (result: { result: string }) => void
  onError: (error: { retcode: number; msg: string }) => void
}

declare const requirePlugin: (name: string) => { getRecordRecognitionManager: () => WechatSiManager }

function wechatSi(): Speech {
  const manager = requirePlugin('WechatSI').getRecordRecognitionManager()
  return {
    listen(onText, onEnd) {
      manager.onRecognize = ({ result }) => onText(result, false)
      manager.onStop = ({ result }) => {
        onText(result, true)
        onEnd()
      }
      manager.onError = ({ msg }) => onEnd(msg)
      // The plugin's limit is 60 s a take; she can tap again to go on.
      manager.start({ duration: 60_000, lang: 'zh_CN' })
      return { stop: () => manager.stop() }
    },
  }
}

interface BrowserRecognition {
  lang: string
  interimResults: boolean
  continuous: boolean
  start: () => void
  stop: () => void
  onresult: ((event: { results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }> }) => void) | null
  onend: (() => void) | null
  onerror: ((event: { error: string }) => void) | null
}

function browserSpeech(Recognition: new () => BrowserRecognition): Speech {
  return {
    listen(onText, onEnd) {
      const recognition = new Recognition()
      recognition.lang = 'zh-CN'
      recognition.interimResults = true
      recognition.continuous = true
      let problem: string | undefined
      recognition.onresult = ({ results }) => {
        const all = Array.from(results)
        onText(all.map((r) => r[0].transcript).join(''), all.every((r) => r.isFinal))
      }
      recognition.onerror = ({ error }) => {
        problem = error
      }
      recognition.onend = () => onEnd(problem)
      recognition.start()
      return { stop: () => recognition.stop() }
    },
  }
}

export function speechHere(): Speech | null {
  if (process.env.TARO_ENV === 'weapp') return process.env.TARO_APP_WECHATSI_VERSION ? wechatSi() : null
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null
  const found = window as unknown as { SpeechRecognition?: new () => BrowserRecognition; webkitSpeechRecognition?: new () => BrowserRecognition }
  const Recognition = found.SpeechRecognition ?? found.webkitSpeechRecognition
  return Recognition ? browserSpeech(Recognition) : null
}
