/**
 * The shared vocabulary of the product (docs/RULES.md). Values are the wire format and the database
 * format; Chinese labels are here too so the app and the messages agree on one wording.
 */
import * as z from 'zod'

/** The five org levels, from the bottom of the ladder to the top. Order matters: index = height. */
export const LEVELS = ['village', 'township', 'county', 'city', 'province'] as const
export type Level = (typeof LEVELS)[number]
export const Level = z.enum(LEVELS, { error: '层级无效' })
export const LEVEL_LABELS: Record<Level, string> = {
  village: '村/社区',
  township: '乡镇/街道',
  county: '县/区',
  city: '市',
  province: '省',
}

/** Roles bound to an org. Anyone without a binding is a resident (a reporter). */
export const ROLES = ['member', 'convener', 'cadre', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const Role = z.enum(ROLES, { error: '角色无效' })
export const ROLE_LABELS: Record<Role | 'resident', string> = {
  member: '议事会成员',
  convener: '议事会主任',
  cadre: '妇联干部',
  admin: '省级管理员',
  resident: '群众',
}

export const CASE_KINDS = ['problem', 'appeal', 'suggestion'] as const
export type CaseKind = (typeof CASE_KINDS)[number]
export const CaseKind = z.enum(CASE_KINDS, { error: '请选择反映类型' })
export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  problem: '反映问题',
  appeal: '提出诉求',
  suggestion: '治理建议',
}

export const CATEGORIES = [
  'governance',
  'personal',
  'property',
  'marriage_family',
  'labor_social',
  'other',
] as const
export type Category = (typeof CATEGORIES)[number]
export const Category = z.enum(CATEGORIES, { error: '请选择问题类别' })
export const CATEGORY_LABELS: Record<Category, string> = {
  governance: '社会治理建议',
  personal: '人身权益',
  property: '财产权益',
  marriage_family: '婚姻家庭权益',
  labor_social: '劳动和社会保障权益',
  other: '其他',
}
/** Categories whose private text is redacted for ordinary council members (docs/RULES.md "Privacy"). */
export const SENSITIVE_CATEGORIES: readonly Category[] = ['personal', 'property', 'marriage_family']

export const CASE_STATUSES = ['pending', 'in_progress', 'resolved', 'closed', 'withdrawn'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export const CaseStatus = z.enum(CASE_STATUSES, { error: '状态无效' })
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  pending: '待受理',
  in_progress: '办理中',
  resolved: '已办结',
  closed: '已关闭',
  withdrawn: '已撤回',
}

export const OUTCOMES = ['solved', 'partly_solved', 'referred', 'not_solvable'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const Outcome = z.enum(OUTCOMES, { error: '请选择办理结果' })
export const OUTCOME_LABELS: Record<Outcome, string> = {
  solved: '已解决',
  partly_solved: '部分解决',
  referred: '已转交',
  not_solvable: '暂无法解决',
}

/** Her rating asks two things, as 12345's 回访 does (docs/RULES.md "Rating"): was it solved… */
export const SOLVED_ANSWERS = ['yes', 'partly', 'no'] as const
export type Solved = (typeof SOLVED_ANSWERS)[number]
export const Solved = z.enum(SOLVED_ANSWERS, { error: '请选择问题是否解决了' })
export const SOLVED_LABELS: Record<Solved, string> = {
  yes: '解决了',
  partly: '部分解决',
  no: '没解决',
}

/** …and is she satisfied. 基本满意 counts as satisfied. */
export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]
export const Satisfaction = z.enum(SATISFACTIONS, { error: '请选择您是否满意' })
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}
