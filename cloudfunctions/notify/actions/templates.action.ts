/** `notify.templates` (订阅消息模板): the subscription templates to ask her for at a moment in the app, or all of them. */
import { defineAction } from '../../_shared/handler/action'
import { TEMPLATES, TEMPLATES_FOR_MOMENT } from '../../_shared/notify/templates'

export const templates = defineAction({
  fn: 'notify', name: 'templates', kind: 'read', authorization: [],
  run: async ({ deps }, { moment }) => {
    const keys = moment ? TEMPLATES_FOR_MOMENT[moment] : (Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[])
    return { items: keys.map((key) => ({ key, templateId: deps.templates[key], title: TEMPLATES[key].title })) }
  },
})
