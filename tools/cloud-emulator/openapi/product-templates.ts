/**
 * The product's subscription templates (cloudfunctions/_shared/notify/templates.ts) in the form the
 * emulated WeChat checks sends against: template id → field key → type. The ids are the ones the
 * functions will use, so pass the same SUBSCRIBE_TEMPLATE_IDS the functions run with.
 */
import { TEMPLATES, templateIds } from '../../../cloudfunctions/_shared/notify/templates'
import type { TemplateSpec } from './openapi.types'

export function productTemplates(env: Record<string, string | undefined> = process.env): Record<string, TemplateSpec> {
  const ids = templateIds(env)
  const out: Record<string, TemplateSpec> = {}
  for (const spec of Object.values(TEMPLATES)) {
    out[ids[spec.key]] = { keys: Object.fromEntries(spec.fields.map((f) => [f.name, f.type])) }
  }
  return out
}
