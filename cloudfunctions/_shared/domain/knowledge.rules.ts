/**
 * Standard answers (知识库, docs/RULES.md "Standard answers"): who reads and who keeps which org's
 * answers. Pure: the caller brings each org placed in the tree (its line: the org first, then its
 * parent, up to the province, each with its level).
 *
 * Who, from where, is the table's knowledge.read and knowledge.write rows (authorization.table.ts),
 * measured from each of her bindings' orgs, placed in the tree, to the org keeping the answers. What
 * stays here is a content rule: only cities and the province keep answers (KNOWLEDGE_LEVELS), and the
 * orgs she reads by default are the ones of that kind on her own lines.
 */
import type { Level } from '../../../types/enums'
import type { Person, RoleBinding } from './actor.types'
import { allowed, allowedBindings, relationOf, type AuthAction } from './authorization.table'
import type { MonthlyKey } from './stats.counters'
import type { PeriodDelta } from './hotspot.rule'
import { chinaMonth } from './china-calendar'

/** The levels that keep standard answers: the city, for its own practice, and the province. */
export const KNOWLEDGE_LEVELS: readonly Level[] = ['city', 'province']

export const keepsAnswers = (level: Level): boolean => KNOWLEDGE_LEVELS.includes(level)

/** An org and its ancestors, the org first, each with its level: where it sits in the tree. */
export type OrgLine = readonly { id: string; level: Level }[]

/** The line of an org she is bound at, as the caller read it ([] for an org not in the tree). */
export type LineOf = (orgId: string) => OrgLine

const idsOf = (line: OrgLine) => line.map((org) => org.id)

function allowedOn(person: Person, action: AuthAction, target: OrgLine, lineOf: LineOf): RoleBinding[] {
  return allowedBindings(person, action, idsOf(target), (orgId) => idsOf(lineOf(orgId)))
}

/** Whether she may read the answers the org at `target` keeps. */
export const mayReadAnswers = (person: Person, target: OrgLine, lineOf: LineOf): boolean =>
  allowedOn(person, 'knowledge.read', target, lineOf).length > 0

/** Whether she may add, edit or retire the answers the org at `target` keeps. */
export const mayKeepAnswers = (person: Person, target: OrgLine, lineOf: LineOf): boolean =>
  allowedOn(person, 'knowledge.write', target, lineOf).length > 0

/**
 * The orgs whose answers she starts from when she resolves a case: for each of her bindings, the orgs
 * on its own line that keep answers and that the table lets her read from there — her city and the
 * province. Another city is never on her line. Nearest first, in her bindings' order, each once.
 */
export function answerSources(person: Person, lineOf: LineOf): string[] {
  const out: string[] = []
  for (const binding of person.roles) {
    const line = lineOf(binding.orgId)
    line.forEach((org, i) => {
      if (!keepsAnswers(org.level) || out.includes(org.id)) return
      if (allowed(binding.role, 'knowledge.read', relationOf(idsOf(line), idsOf(line.slice(i))))) out.push(org.id)
    })
  }
  return out
}

/** Where her 新增 puts an answer: the first city or province she keeps answers for herself; null if none. */
export function answerHome(person: Person, lineOf: LineOf): string | null {
  const home = person.roles.find((b) => {
    const org = lineOf(b.orgId)[0]
    return org !== undefined && keepsAnswers(org.level) && allowed(b.role, 'knowledge.write', 'own')
  })
  return home?.orgId ?? null
}

const KB_UPDATES: MonthlyKey = 'kbUpdates'

/**
 * What an answer's save adds to the monthly scorecard (知识库更新数): one `kbUpdates` in the China-time
 * month of `at` (UTC+8, whatever zone the server runs in) for the answer's org and every org above it
 * (`pathIds`, the org first).
 */
export const kbUpdateDeltas = (pathIds: readonly string[], at: string): PeriodDelta[] =>
  pathIds.map((orgId) => ({ orgId, period: chinaMonth(at), deltas: { [KB_UPDATES]: 1 } }))
