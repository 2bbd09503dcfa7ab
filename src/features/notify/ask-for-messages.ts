/**
 * Asks her to allow subscription messages, then records what she allowed. weapp: WeChat's own
 * requestSubscribeMessage dialog (at most 3 templates per ask, and only right after a tap). h5 (local
 * host): the app shows an equivalent dialog and passes the answer in.
 */
import Taro from '@tarojs/taro'
import type { TemplateInfo } from '../../../types'
import { IS_LOCAL_MODE } from '../../shared/local-mode'
import { listMessageTemplates } from './api/list-message-templates'
import { recordAllowedMessages } from './api/record-allowed-messages'

export const fetchTemplates = (moment: 'after_report' | 'council' | 'desk') =>
  listMessageTemplates({ moment }).then((r) => r.items.slice(0, 3))

/** weapp only: WeChat's dialog. Answers the template ids she accepted. */
async function askWeChat(templates: TemplateInfo[]): Promise<string[]> {
  const ids = templates.map((t) => t.templateId)
  const result = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as never)) as unknown as Record<
    string,
    string
  >
  return ids.filter((id) => result[id] === 'accept')
}

export async function recordGrant(accepted: string[]) {
  if (accepted.length === 0) return
  await recordAllowedMessages({ accepted })
}

/** weapp path; on h5 the page shows its own dialog and calls recordGrant with the answer. */
export async function askForMessages(templates: TemplateInfo[]): Promise<string[]> {
  if (IS_LOCAL_MODE) return []
  try {
    const accepted = await askWeChat(templates)
    await recordGrant(accepted)
    return accepted
  } catch {
    // She closed the dialog or turned messages off in settings: the message centre still has everything.
    return []
  }
}
