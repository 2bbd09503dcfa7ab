/**
 * WeChat's rules for a subscription-message field value, by type (subscribeMessage.send, 参数值内容限制
 * 说明; the same table as cloudfunctions/_shared/notify/fit-fields.ts).
 * A value that breaks its rule makes the real API answer 47003. Where the table is vague the check
 * here is the stricter reading, so what passes the emulator should pass WeChat; each such choice is
 * noted on its line and in README.md.
 */
import type { TemplateFieldType } from './openapi.types'

const HAN = /\p{Script=Han}/u
const chars = (v: string) => [...v]

/** 24-hour time, optionally with seconds. */
const TIME = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`
/** 2019年10月1日 (the table's form) or 2019-10-01 / 2019/10/01 (seen accepted in practice). */
const DATE = String.raw`\d{4}(年(0?[1-9]|1[0-2])月(0?[1-9]|[12]\d|3[01])日|[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01]))`
const TIME_POINT = new RegExp(`^(${DATE} )?${TIME}$`)
const DATE_POINT = new RegExp(`^${DATE}( ${TIME})?$`)

/** A point or a range of two points joined by "~" (the table allows time periods). */
function pointOrRange(value: string, point: RegExp): boolean {
  const parts = value.split('~')
  return parts.length <= 2 && parts.every((p) => point.test(p.trim()))
}

/** Why `value` breaks the rule of `type`, or null when it fits. */
export function fieldViolation(type: TemplateFieldType, value: string): string | null {
  const n = chars(value).length
  if (n === 0) return 'empty value'
  switch (type) {
    case 'thing':
      // 20 characters of anything; counted by code point.
      return n <= 20 ? null : `thing: at most 20 characters, got ${n}`
    case 'phrase':
      return /^\p{Script=Han}{1,5}$/u.test(value) ? null : 'phrase: 1 to 5 Chinese characters only'
    case 'character_string':
      // "Digits, letters or symbols": read as printable ASCII without spaces.
      if (n > 32) return `character_string: at most 32 characters, got ${n}`
      return /^[\x21-\x7e]+$/.test(value) ? null : 'character_string: digits, letters and ASCII symbols only'
    case 'number':
      // "Digits only, decimals allowed": no sign, no grouping.
      if (n > 32) return `number: at most 32 characters, got ${n}`
      return /^\d+(\.\d+)?$/.test(value) ? null : 'number: digits with an optional decimal part only'
    case 'letter':
      if (n > 32) return `letter: at most 32 characters, got ${n}`
      return /^[A-Za-z]+$/.test(value) ? null : 'letter: letters only'
    case 'symbol':
      if (n > 5) return `symbol: at most 5 characters, got ${n}`
      return /^[^\p{L}\p{N}\s]+$/u.test(value) ? null : 'symbol: symbols only'
    case 'name':
      // 10 Chinese characters, or 20 letters/symbols; mixed counts as Chinese. Digits are refused.
      if (HAN.test(value)) {
        if (n > 10) return `name: at most 10 characters when it has Chinese, got ${n}`
        return /^[\p{Script=Han}A-Za-z·•.\- ]+$/u.test(value) ? null : 'name: Chinese characters and letters only'
      }
      if (n > 20) return `name: at most 20 letters, got ${n}`
      return /^[A-Za-z·•.\-' ]+$/.test(value) ? null : 'name: letters and name punctuation only'
    case 'phone_number':
      if (n > 17) return `phone_number: at most 17 characters, got ${n}`
      return /^[\d+\-()]+$/.test(value) ? null : 'phone_number: digits and + - ( ) only'
    case 'time':
      return pointOrRange(value, TIME_POINT) ? null : 'time: like "15:01" or "2019年10月1日 15:01"'
    case 'date':
      return pointOrRange(value, DATE_POINT) ? null : 'date: like "2019年10月1日" or "2019年10月1日 15:01"'
    case 'amount':
      // One currency sign (optional), up to 10 digits, an optional decimal part, an optional 元.
      return /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : 'amount: currency sign + up to 10 digits'
    case 'car_number':
      // 8 characters; first and last may be Chinese, the rest letters or digits.
      if (n > 8) return `car_number: at most 8 characters, got ${n}`
      return /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(value) ? null : 'car_number: like 粤A8Z888挂'
  }
}
