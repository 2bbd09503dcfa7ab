/** `notify.subscribe` (订阅消息): the templates she allowed in WeChat's dialog, each one credit to send her one message. */
import { defineAction } from '../../_shared/handler/action'
import { invalidInput } from '../../_shared/context/failures'

export const subscribe = defineAction({
  fn: 'notify', name: 'subscribe', kind: 'write', authorization: [],
  run: async ({ deps, openid }, { accepted }) => {
    const known = new Set(Object.values(deps.templates))
    const unknown = accepted.filter((id) => !known.has(id))
    if (unknown.length > 0) throw invalidInput('订阅的消息模板无效，请重试')
    // One credit per template per tap: the same id twice in one answer is still one tap.
    for (const templateId of new Set(accepted)) await deps.store.credits.grant(openid, templateId, 1)
    return { credits: await deps.store.credits.balance(openid) }
  },
})
