/**
 * subscribeMessage.send as WeChat answers it. Body (after wx-server-sdk's camel→snake conversion):
 * `{ touser, template_id, page?, data: { key: { value } }, miniprogram_state?, lang? }`. Checked in
 * this order, first failure wins: touser (40003), template_id (40037), page (41030), data against the
 * template (47003), miniprogram_state and lang (47003), then one grant for (touser, template) (43101).
 * Accepted messages go to the outbox.
 */
import { type ApiCall, isRecord, OK, type OpenApiHandler, type WxJson } from './open-api.handler'
import { wxError } from './openapi.errors'
import type { SentMessage, TemplateSpec } from './openapi.types'
import type { SubscriptionLedger } from './subscription.ledger'
import { fieldViolation } from './template-field.rules'

const STATES = ['developer', 'trial', 'formal'] as const
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW']

export interface SubscribeDeps {
  templates: Record<string, TemplateSpec>
  ledger: SubscriptionLedger
  requireGrants: boolean
  pages?: string[]
  deliver(message: SentMessage): void
}

/**
 * Why a page would be refused, or null. The real API checks the page exists in the released version's
 * app.json (`pages` option); without that list only the form is checked, strictly: a relative path
 * (no leading '/', which the product strips anyway), segments of letters, digits, '_' and '-', no
 * extension, no whitespace anywhere.
 */
export function pageViolation(page: string, pages?: string[]): string | null {
  if (/\s/.test(page)) return 'page has whitespace'
  const path = page.split('?')[0] ?? ''
  if (path.startsWith('/')) return 'page must be relative: no leading "/"'
  if (!path.split('/').every((segment) => /^[A-Za-z0-9_-]+$/.test(segment))) return 'page path: letters, digits, _ and - between "/"'
  if (pages && !pages.includes(path)) return `page ${path} is not in app.json`
  return null
}

function dataViolation(data: unknown, spec: TemplateSpec): { hint: string; tail: string } | null {
  if (!isRecord(data)) return { hint: 'data must be an object of { key: { value } }', tail: 'data invalid' }
  for (const key of Object.keys(data)) {
    if (!(key in spec.keys)) return { hint: `the template has no field ${key}`, tail: `data.${key}.value invalid` }
  }
  for (const [key, type] of Object.entries(spec.keys)) {
    const field = data[key]
    const value = isRecord(field) ? field.value : undefined
    if (typeof value !== 'string' && typeof value !== 'number') return { hint: `${key} is missing`, tail: `data.${key}.value invalid` }
    const why = fieldViolation(type, String(value))
    if (why) return { hint: why, tail: `data.${key}.value invalid` }
  }
  return null
}

export function subscribeMessageSend(deps: SubscribeDeps): OpenApiHandler {
  return (call: ApiCall, body): WxJson => {
    const { touser, template_id: templateId, page = '', data, miniprogram_state: state = 'formal', lang = 'zh_CN' } = body
    if (typeof touser !== 'string' || !/^\S+$/.test(touser)) return wxError(40003, 'touser must be an openid')
    const spec = typeof templateId === 'string' ? deps.templates[templateId] : undefined
    if (typeof templateId !== 'string' || !spec) return wxError(40037, 'no such template in this mini-program')
    if (typeof page !== 'string') return wxError(41030, 'page must be a string')
    const pageWhy = page === '' ? null : pageViolation(page, deps.pages)
    if (pageWhy) return wxError(41030, pageWhy)
    const dataWhy = dataViolation(data, spec)
    if (dataWhy) return wxError(47003, dataWhy.hint, dataWhy.tail)
    if (typeof state !== 'string' || !(STATES as readonly string[]).includes(state)) {
      return wxError(47003, 'miniprogram_state: developer, trial or formal', 'miniprogram_state invalid')
    }
    if (typeof lang !== 'string' || !LANGS.includes(lang)) return wxError(47003, `lang: one of ${LANGS.join(', ')}`, 'lang invalid')
    if (deps.requireGrants && !deps.ledger.spend(touser, templateId, call.at)) {
      return wxError(43101, 'no subscription left for this template: she must allow it again')
    }
    const values = Object.fromEntries(Object.entries(data as Record<string, { value: string | number }>).map(([k, v]) => [k, String(v.value)]))
    deps.deliver({
      openid: touser,
      templateId,
      page: page ? `/${page}` : '',
      data: values,
      at: call.at,
      sentAt: call.at,
      functionName: call.functionName,
      miniprogramState: state as SentMessage['miniprogramState'],
      lang,
    })
    return { ...OK }
  }
}
