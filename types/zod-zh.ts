/**
 * zod with Chinese messages, configured once for the process: every contract file imports this file
 * (for `text`, `id` and the configuration) beside `import * as z from 'zod'`, so a field without a
 * hand-written message still fails in Chinese (zod's own zh-CN locale).
 *
 * Why contract files import zod themselves: a namespace passed on as a value (`export { z }`) is
 * opaque to the mini-program's webpack, which then kept every export of zod — its 48 locales and JSON
 * Schema converters, ~400 KB of the main package. Imported where used, only what is used is kept.
 */
import * as z from 'zod'
import { zhCN } from 'zod/v4/locales'

z.config(zhCN())
// No compiled fast path: it probes `new Function`, which the H5 app's CSP (no 'unsafe-eval':
// cloudfunctions/_local/security-headers.ts) reports as a violation even though zod catches the throw,
// and which a mini-program forbids outright. Set here, before any schema is built, since each object
// schema decides when it is built; one request's input needs no compiled parser.
z.config({ jitless: true })

/** A non-empty trimmed string with a Chinese message naming the field. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })

/** Ids are opaque strings; bound their length so nobody stores a megabyte in one. */
export const id = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少${label}` : `${label}格式不正确`) })
    .min(1, { error: `缺少${label}` })
    .max(64, { error: `${label}格式不正确` })
