/** The `intake` function: a woman reports, follows, rates or withdraws her case. */
import * as z from 'zod'
import { id, text } from './zod-zh'
import { CaseKind, Category, Satisfaction, Solved } from './enums'
import type { CaseStatus } from './enums'
import type { CaseDetail, CaseSummary } from './case.contract'

export const TITLE_MAX = 40
export const CONTENT_MAX = 1000
export const PHOTOS_MAX = 9
/** Days after a case closes before the reporter's phone and address are deleted (retention). */
export const CONTACT_RETENTION_DAYS = 180
/** Cloud storage ids (weapp) or the local host's file ids. */
export const photoId = z
  .string({ error: '照片无效' })
  .max(256, { error: '照片无效' })
  .regex(/^(cloud:\/\/|local:)[\w\-./]+$/, { error: '照片无效，请重新上传' })

export const submitInput = z
  .object({
    /** Made by the phone once per report; a resend with the same id returns the same case. */
    clientRequestId: z
      .string({ error: '缺少请求编号' })
      .min(8, { error: '请求编号无效' })
      .max(64, { error: '请求编号无效' }),
    kind: CaseKind,
    category: Category,
    title: text('标题', TITLE_MAX),
    content: text('反映内容', CONTENT_MAX),
    villageId: id('所在村（社区）'),
    anonymous: z.boolean({ error: '请选择是否匿名' }),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号码' })
      .optional(),
    address: z.string().trim().max(100, { error: '地址不能超过 100 个字' }).optional(),
    photos: z.array(photoId).max(PHOTOS_MAX, { error: `最多上传 ${PHOTOS_MAX} 张照片` }).optional(),
    /** A council member files for a resident: her name (and phone) are kept as contact details. */
    onBehalfOf: z
      .object({
        name: text('群众姓名', 20),
        phone: z.string().trim().regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号码' }).optional(),
      })
      .optional(),
  })
  .refine((input) => !(input.anonymous && input.phone), {
    error: '匿名反映不留电话；如需联系您，请关闭匿名',
    path: ['phone'],
  })

export const intakeContract = {
  submit: submitInput,
  /** Where the caller's photo uploads go in storage (the app uploads there before submitting). */
  photoFolder: z.object({}),
  /** The caller's own cases, newest first. */
  mine: z.object({}),
  get: z.object({ caseId: id('反映编号') }),
  /** Her name and full phone, for those handling a case she did not file anonymously; each reveal is audited. */
  revealContact: z.object({ caseId: id('反映编号') }),
  rate: z
    .object({
      caseId: id('反映编号'),
      solved: Solved,
      satisfaction: Satisfaction,
      comment: z.string().trim().max(200, { error: '评价不能超过 200 个字' }).optional(),
      /** She confirmed "要不要让上一级妇联继续办理？": only with solved partly or no. */
      reopen: z.boolean({ error: '请选择是否继续办理' }).optional(),
    })
    .refine((r) => !(r.reopen === true && r.solved === 'yes'), {
      error: '问题已经解决了，不需要再交上一级继续办理',
      path: ['reopen'],
    }),
  withdraw: z.object({
    caseId: id('反映编号'),
    reason: z.string().trim().max(200, { error: '撤回原因不能超过 200 个字' }).optional(),
  }),
  /**
   * 本村已有类似反映: the open cases of this village and category that anyone may see — never an
   * anonymous one, never one of a sensitive category (docs/RULES.md "我也遇到"). Hers are marked `mine`.
   */
  similar: z.object({ villageId: id('所在村（社区）'), category: Category }),
  /**
   * 我也遇到: she follows an offered case as a supporter — its progress messages reach her, it is in
   * 我的反映 under 我也反映, its count rises. Again on one she follows changes nothing.
   */
  meToo: z.object({ caseId: id('反映编号') }),
}

/** One case offered under 本村已有类似反映: no content, no photo, nobody's name. */
export interface SimilarCase {
  id: string
  /** The short number people see (caseNumber). */
  number: string
  kind: CaseKind
  category: Category
  title: string
  status: CaseStatus
  holderOrgName: string
  /** Whole days since it was filed (0 on its first day). */
  daysOpen: number
  /** How many people follow it besides its reporter (我也遇到). */
  supporters: number
  /** She reported it herself. */
  mine: boolean
  /** She already follows it. */
  following: boolean
}

export interface IntakeResults {
  submit: {
    caseId: string
    status: 'pending'
    level: 'village'
    holderOrgId: string
    acceptBy: string
    resolveBy: string
    /** False when this was a resend of a report already received. */
    created: boolean
  }
  photoFolder: { folder: string }
  /** `items`: the cases she reported; `following`: those she follows (我也反映), newest follow first. */
  mine: { items: CaseSummary[]; following: CaseSummary[] }
  get: { case: CaseDetail }
  /** The woman to call: the resident a member filed for when she left a number, else the reporter. */
  revealContact: { name?: string; phone: string }
  rate: { case: CaseDetail }
  withdraw: { case: CaseDetail }
  similar: { items: SimilarCase[] }
  /** `added`: false when she already followed it. */
  meToo: { caseId: string; supporters: number; added: boolean }
}
