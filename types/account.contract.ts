/** The `account` function: who am I, the org tree, and who holds which role (onboarding by invitation). */
import * as z from 'zod'
import { id, text } from './zod-zh'
import { Category, Level as LevelSchema, Role as RoleSchema, type Level, type Role } from './enums'

/** Invitation codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const INVITE_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/

/** Why a typed code cannot be one, in words that point at the likely slip (codes leave out 0, 1, I, L, O). */
function inviteCodeProblem(code: string): string {
  if (/[01ILO]/.test(code)) return '邀请码里没有数字 0、1，也没有字母 I、L、O，请核对是否看错了'
  if (code.length !== 8) return `邀请码是 8 位，您输入了 ${code.length} 位，请核对`
  return '邀请码只含数字和字母，请核对'
}

/**
 * A number residents can call: a mobile (11 digits, as intake takes a reporter's) or a landline with
 * its area code (024-12345678, or 02412345678 as a digit keyboard types it), since a village
 * committee's office may have only that.
 */
export const PUBLIC_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/
export const PUBLIC_PHONE_PROBLEM = '请填写 11 位手机号码；座机请连区号一起填，如 02412345678'

/** A number as typed, without spaces, full-width digits and dashes (a Chinese keyboard's) made plain. */
/** A standard answer (标准答复): its title, as short as a case's, and its text, as long as a resolution. */
export const KB_TITLE_MAX = 40
export const KB_BODY_MAX = 1000

const plainPhone = (phone: string) =>
  phone
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')

export const accountContract = {
  /** The caller's identity and role bindings. Takes no fields. */
  me: z.object({}),
  /** The children of an org (the provinces' roots when `parentId` is absent), for the village picker. */
  orgs: z.object({ parentId: id('上级组织').optional() }),
  /** An org and its ancestors, province first: names a remembered village in the picker. */
  path: z.object({ orgId: id('组织') }),
  /** A single-use invitation to take `role` at `orgId`, valid for `expiresInDays` (1–30, default 7). */
  invite: z.object({
    role: RoleSchema,
    orgId: id('组织'),
    expiresInDays: z.number({ error: '有效天数应为数字' }).int({ error: '有效天数应为整数' }).min(1, { error: '有效期至少 1 天' }).max(30, { error: '有效期最多 30 天' }).optional(),
  }),
  /** Takes the role an invitation offers. */
  redeem: z.object({
    code: z
      .string({ error: '请输入邀请码' })
      .trim()
      .transform((code) => code.toUpperCase())
      .pipe(z.string().check(z.refine((code) => INVITE_CODE.test(code), { error: (issue) => inviteCodeProblem(String(issue.input)) }))),
  }),
  /**
   * A convener publishes the number her council's residents may call (首页's 可以找谁), or clears it
   * (null or empty).
   */
  setPublicPhone: z.object({
    phone: z
      .string({ error: PUBLIC_PHONE_PROBLEM })
      .max(40, { error: PUBLIC_PHONE_PROBLEM })
      .transform(plainPhone)
      .check(z.refine((phone) => phone === '' || PUBLIC_PHONE.test(phone), { error: PUBLIC_PHONE_PROBLEM }))
      .transform((phone) => phone || null)
      .nullable(),
  }),
  /** Who holds which role at an org (for those who may manage it). */
  members: z.object({ orgId: id('组织') }),
  /**
   * She picks the village or community she lives in (我的村（社区）): whose announcements and surveys
   * reach her. Until she does, her first named report's village is remembered (intake.submit).
   */
  setHomeVillage: z.object({ orgId: id('村（社区）') }),
  /** Takes a role away. */
  revoke: z.object({ openid: id('成员'), role: RoleSchema, orgId: id('组织') }),
  /** Province admin: renames an org. */
  renameOrg: z.object({ orgId: id('组织'), name: text('名称', 40) }),
  /** Province admin: moves a village or community under another township or street. */
  moveVillage: z.object({ orgId: id('村（社区）'), toParentId: id('新的乡镇（街道）') }),
  /**
   * Province admin: adds orgs from a CSV of administrative divisions, one per line:
   * 代码,名称,层级,上级代码 (层级: 省/市/县/乡镇/村 or province/city/county/township/village). A header
   * line is allowed. Parents first, or already present. Existing codes are renamed, never moved.
   */
  /** The audit log of an org's subtree (cadres of that org or above, the admin), newest first. */
  audit: z.object({
    orgId: id('组织').optional(),
    before: z.object({ at: z.string().max(40), id: id('记录') }).optional(),
  }),
  /**
   * Standard answers (知识库) to start a resolution from: without `orgId`, those of the city and the
   * province on the caller's own line (a convener's or cadre's), by category, nearest org first; with
   * it, that org's (for whoever may read there: the admin looks at a city's). Retired ones only when
   * asked (the keepers' page).
   */
  kbList: z.object({
    category: Category.optional(),
    includeRetired: z.boolean({ error: '是否显示已停用应为是或否' }).optional(),
    orgId: id('组织').optional(),
  }),
  /**
   * Adds a standard answer (no `id`: at `orgId`, by default the city or province she is a cadre of) or
   * edits one (its `id`: it keeps its id and org, and its updatedAt moves on).
   */
  kbSave: z.object({
    id: id('标准答复').optional(),
    orgId: id('组织').optional(),
    category: Category,
    title: text('标题', KB_TITLE_MAX),
    body: text('答复内容', KB_BODY_MAX),
  }),
  /** Retires a standard answer: kept for the record, no longer offered. */
  kbRetire: z.object({ id: id('标准答复') }),
  importOrgs: z.object({ csv: z.string({ error: '请粘贴 CSV 内容' }).min(1, { error: '请粘贴 CSV 内容' }).max(200_000, { error: 'CSV 太大，请分批导入（每批不超过 20 万字）' }) }),
}

export const LEVEL_BY_NAME: Record<string, Level> = {
  省: 'province', 市: 'city', 县: 'county', 区: 'county', 县区: 'county', 乡镇: 'township', 街道: 'township', 村: 'village', 社区: 'village',
  ...Object.fromEntries(LevelSchema.options.map((level) => [level, level])),
}

export interface RoleBinding {
  role: Role
  orgId: string
  orgName: string
  level: Level
}

export interface OrgNode {
  id: string
  name: string
  level: Level
  parentId: string | null
  /** Whether the picker can go one level deeper. */
  hasChildren: boolean
}

/** A standard answer as the app shows it. */
export interface KnowledgeAnswer {
  id: string
  category: Category
  title: string
  body: string
  /** The org that keeps it (a city or the province), named. */
  orgId: string
  orgName: string
  level: Level
  updatedAt: string
  retired: boolean
  /** Whether the caller may edit or retire it. */
  editable: boolean
}

export interface AccountResults {
  me: {
    openid: string
    name: string | null
    homeOrgId: string | null
    homeOrgName: string | null
    roles: RoleBinding[]
    /** The number she shows her council's residents (account.setPublicPhone), or null. */
    publicPhone: string | null
    /**
     * Her village's council — the one she sits on, else her home village's — who convenes it, and the
     * number the convener chose to show (one tap to call), or null.
     */
    council: { orgId: string; name: string; convener: string | null; convenerPhone: string | null } | null
  }
  orgs: { items: OrgNode[] }
  path: { items: OrgNode[] }
  invite: { code: string; role: Role; orgId: string; orgName: string; expiresAt: string; sharePath: string }
  redeem: { role: Role; orgId: string; orgName: string; level: Level }
  setPublicPhone: { publicPhone: string | null }
  setHomeVillage: { homeOrgId: string; homeOrgName: string }
  members: { items: { openid: string; name: string | null; role: Role }[] }
  revoke: { removed: boolean }
  renameOrg: { org: OrgNode }
  moveVillage: { org: OrgNode }
  audit: {
    items: {
      id: string
      at: string
      /** A staff member's name, or her role: residents and the system are never named. */
      actor: string
      action: string
      orgName: string
      targetType: 'case' | 'deliberation' | 'role' | 'org' | 'answer' | 'announcement' | 'survey'
      targetId: string
      summary: string
    }[]
    next?: { at: string; id: string }
  }
  kbList: {
    items: KnowledgeAnswer[]
    /**
     * Where her 新增 puts an answer, or null: the city or province she keeps answers for; with
     * `orgId`, that org if she keeps its answers (the admin, looking at a city's).
     */
    addsAt: { orgId: string; orgName: string; level: Level } | null
  }
  kbSave: { answer: KnowledgeAnswer }
  kbRetire: { answer: KnowledgeAnswer }
  importOrgs: { added: number; renamed: number; unchanged: number; errors: { line: number; message: string }[] }
}
