/**
 * zod with Chinese messages. Every schema in the contract is built from this `z`, so a field
 * without a hand-written message still fails in Chinese (zod's own zh-CN locale).
 */
import { z } from 'zod'
import { zhCN } from 'zod/v4/locales'

z.config(zhCN())

export { z }

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
