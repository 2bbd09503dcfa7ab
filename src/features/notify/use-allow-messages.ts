/**
 * The "tell me by WeChat message" offer a page makes after a step (a report sent, a first ballot):
 * which templates to ask for, the ask itself (WeChat's dialog in weapp, the app's own in local h5),
 * and what she answered.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { TemplateInfo } from '../../../types'
import { IS_LOCAL_MODE } from '../../shared/local-mode'
import { useSubmit } from '../../shared/use-submit'
import { listMessageTemplates } from './api/list-message-templates'
import { recordAllowedMessages } from './api/record-allowed-messages'

/** weapp only: WeChat's dialog (at most 3 templates per ask, and only right after a tap). Answers the ids she accepted. */
async function askWeChat(templates: TemplateInfo[]): Promise<string[]> {
  const ids = templates.map((t) => t.templateId)
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as never)) as unknown as Record<
      string,
      string
    >
    return ids.filter((id) => result[id] === 'accept')
  } catch {
    // She closed the dialog or turned messages off in settings: the message centre still has everything.
    return []
  }
}

export function useAllowMessages() {
  const [templates, setTemplates] = useState<TemplateInfo[]>([])
  /** Local h5 only: the app's stand-in dialog is open. */
  const [asking, setAsking] = useState(false)
  /** Undefined until she has answered. */
  const [subscribed, setSubscribed] = useState<boolean>()
  const { submit } = useSubmit()

  /** Loads what to offer for this moment (three at most: one ask's worth); nothing is shown if it cannot be loaded. */
  const offer = (moment: 'after_report' | 'council' | 'desk') => {
    listMessageTemplates({ moment }).then((r) => setTemplates(r.items.slice(0, 3)), () => setTemplates([]))
  }
  /** Her answer in either dialog: what she allowed is recorded. */
  const answered = async (accepted: string[]) => {
    setAsking(false)
    await submit(async () => {
      if (accepted.length > 0) await recordAllowedMessages({ accepted })
      setSubscribed(accepted.length > 0)
    })
  }
  /** On her tap: WeChat's dialog must follow a tap directly. */
  const allow = async () => {
    if (IS_LOCAL_MODE) return setAsking(true)
    await answered(await askWeChat(templates))
  }

  return { templates, asking, subscribed, offer, allow, answered, offered: templates.length > 0 && subscribed === undefined }
}
