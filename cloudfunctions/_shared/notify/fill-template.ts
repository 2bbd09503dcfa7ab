/** A message's slots poured into its template's fields, each fitted to WeChat's limits. */
import type { MessageRecord } from '../ports/store.port'
import { fitField } from './fit-fields'
import { TEMPLATES, TEMPLATE_OF_KIND } from './templates'

export function templateData(message: Pick<MessageRecord, 'kind' | 'slots' | 'createdAt'>): Record<string, string> | null {
  const key = TEMPLATE_OF_KIND[message.kind]
  if (!key) return null
  const slots = message.slots ?? {}
  return Object.fromEntries(
    TEMPLATES[key].fields.map((field) => [field.name, fitField(field.type, slots[field.holds] ?? (field.type === 'time' ? message.createdAt : ''))]),
  )
}
