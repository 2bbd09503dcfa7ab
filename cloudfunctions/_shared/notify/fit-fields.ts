/**
 * WeChat subscription messages reject a field that breaks its type's rule (error 47003), and then the
 * whole message is lost. Every value passes through here first, so it always fits.
 * Rules: https://developers.weixin.qq.com — subscribeMessage.send, "模板参数值要求".
 */
export type FieldType =
  | 'thing'
  | 'phrase'
  | 'time'
  | 'date'
  | 'character_string'
  | 'number'
  | 'letter'
  | 'name'
  | 'phone_number'

const CHINA_OFFSET_MS = 8 * 3_600_000

/** Cuts to `max` characters (by code point, so an emoji is never split), marking the cut with …. */
function cut(value: string, max: number): string {
  const chars = [...value]
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`
}

function chinaTime(iso: string): { y: number; m: number; d: number; hh: string; mm: string } {
  const t = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: pad(t.getUTCHours()), mm: pad(t.getUTCMinutes()) }
}

export function fitField(type: FieldType, raw: string): string {
  const value = raw.replace(/\s+/g, ' ').trim()
  switch (type) {
    case 'thing':
      // 20 characters, letters, digits, Chinese and common punctuation.
      return cut(value, 20) || '—'
    case 'phrase':
      // At most 5 Chinese characters, nothing else.
      return [...value.replace(/[^\u4e00-\u9fa5]/g, '')].slice(0, 5).join('') || '更新'
    case 'time': {
      const t = chinaTime(value)
      return `${t.y}年${t.m}月${t.d}日 ${t.hh}:${t.mm}`
    }
    case 'date': {
      const t = chinaTime(value)
      return `${t.y}年${t.m}月${t.d}日`
    }
    case 'character_string':
      return value.replace(/[^\w\-.]/g, '').slice(0, 32) || '0'
    case 'number':
      return value.replace(/[^\d.]/g, '').slice(0, 32) || '0'
    case 'letter':
      return value.replace(/[^a-zA-Z]/g, '').slice(0, 32) || 'A'
    case 'name':
      // 10 Chinese characters or 20 letters: keep it short either way.
      return /[^\x00-\x7f]/.test(value) ? [...value].slice(0, 10).join('') : value.slice(0, 20)
    case 'phone_number':
      return value.replace(/[^\d+\-]/g, '').slice(0, 17)
  }
}
