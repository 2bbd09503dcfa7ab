/**
 * Surveys (调研, docs/RULES.md "Surveys"): who is asked, who answers from where, what an answer adds
 * to the counters, and what the results say. Pure: the caller brings each org placed in the tree (its
 * line: the org first, then its parent, up to the province), the time, and the stored counters.
 *
 * Who, from where, is the table's survey.* rows (authorization.table.ts), measured from each of her
 * places — her home village as a resident, and each org she is bound at — to the survey's org. Whether
 * a place is in the survey's audience is this file's rule: a `members` survey asks the councils, so
 * her home village does not place her there; a `residents` survey asks everyone who lives under it,
 * and a council member or convener of a village under it answers from her council's village too.
 *
 * Counters: an answer adds one to `n` (respondents), one to each chosen option (`q<i>:<o>`) and one to
 * each question she answered (`q<i>`), at every org of her chain from her village up to the survey's
 * org. A change adds the difference. So the survey org's counters are the whole, and each child org's
 * are its part: the results are read, never recounted.
 */
import type { SurveyAnswer, SurveyAudience } from '../../../types/outreach.contract'
import { SURVEY_DAYS_MAX } from '../../../types/outreach.contract'
import type { Person } from './actor.types'
import { allowed, relationOf, type AuthAction, type AuthRole } from './authorization.table'
import type { LineOf, OrgLine } from './knowledge.rules'
import type { Reader } from './outreach.rules'

/** A question as stored: a choice (single unless `multiple`) or a free answer. */
export type SurveyQuestion = { text: string; options: string[]; multiple: boolean } | { text: string; free: true }

export const isFree = (q: SurveyQuestion): q is { text: string; free: true } => 'free' in q

/** What the rules read of a survey. */
export interface SurveyFacts {
  orgId: string
  audience: SurveyAudience
  questions: readonly SurveyQuestion[]
  closesAt: string
  closedAt?: string
}

export type Counts = Readonly<Record<string, number>>

export const RESPONDENTS = 'n'
export const answeredKey = (question: number) => `q${question}`
export const optionKey = (question: number, option: number) => `q${question}:${option}`

const DAY_MS = 86_400_000
const idsOf = (line: OrgLine) => line.map((org) => org.id)

// ── who ─────────────────────────────────────────────────────────────────────────────────────────

interface Place {
  role: AuthRole
  orgId: string
}

/** Her places for a survey of this audience: her home village counts only for a residents' survey. */
function placesFor({ person, homeOrgId }: Reader, audience: SurveyAudience): Place[] {
  const home: Place[] = homeOrgId && audience === 'residents' ? [{ role: 'resident', orgId: homeOrgId }] : []
  return [...home, ...person.roles]
}

const allows = (action: AuthAction, target: OrgLine, lineOf: LineOf) => (place: Place) =>
  allowed(place.role, action, relationOf(idsOf(lineOf(place.orgId)), idsOf(target)))

/** Whether some place of hers lets her do `action` on a survey of this audience at `target`. */
export function mayOnSurvey(action: AuthAction, reader: Reader, audience: SurveyAudience, target: OrgLine, lineOf: LineOf): boolean {
  return placesFor(reader, audience).some(allows(action, target, lineOf))
}

/** What only her bindings decide (watching, free answers, opening and closing): never her home. */
export function mayInOffice(action: AuthAction, person: Person, target: OrgLine, lineOf: LineOf): boolean {
  return person.roles.some(allows(action, target, lineOf))
}

/** The role she acts in at `target` (her first binding the row allows), for the audit line. */
export function officeAt(action: AuthAction, person: Person, target: OrgLine, lineOf: LineOf): string | null {
  return person.roles.find(allows(action, target, lineOf))?.role ?? null
}

/** The orgs where she may open a survey (her own orgs the open row allows), in her bindings' order, each once. */
export function openPlaces(person: Person): string[] {
  const out: string[] = []
  for (const binding of person.roles) {
    if (allowed(binding.role, 'survey.open', 'own') && !out.includes(binding.orgId)) out.push(binding.orgId)
  }
  return out
}

/**
 * The orgs her answer is counted under — the village she answers from, up to the survey's org — or
 * null when she is not asked. Her home village first (a residents' survey), then her councils.
 */
export function answerChain(reader: Reader, survey: Pick<SurveyFacts, 'orgId' | 'audience'>, target: OrgLine, lineOf: LineOf): string[] | null {
  const place = placesFor(reader, survey.audience).find(allows('survey.answer', target, lineOf))
  if (!place) return null
  const line = idsOf(lineOf(place.orgId))
  const top = line.indexOf(survey.orgId)
  return top < 0 ? null : line.slice(0, top + 1)
}

/** The orgs whose surveys her list reads: for each of her places, its line as the list row allows. Nearest first, each once. */
export function surveySources(reader: Reader, lineOf: LineOf): string[] {
  const out: string[] = []
  for (const place of placesFor(reader, 'residents')) {
    const line = lineOf(place.orgId)
    line.forEach((org, i) => {
      if (!out.includes(org.id) && allowed(place.role, 'survey.list', relationOf(idsOf(line), idsOf(line.slice(i))))) out.push(org.id)
    })
  }
  return out
}

// ── when ────────────────────────────────────────────────────────────────────────────────────────

export const isClosed = (survey: Pick<SurveyFacts, 'closesAt' | 'closedAt'>, now: string): boolean =>
  survey.closedAt !== undefined || survey.closesAt <= now

/** Why a deadline will not do, in her words; null when it will: after now, within SURVEY_DAYS_MAX days. */
export function closesAtProblem(now: string, closesAt: string): string | null {
  const at = Date.parse(closesAt)
  if (at <= Date.parse(now)) return '截止时间应晚于现在'
  if (at > Date.parse(now) + SURVEY_DAYS_MAX * DAY_MS) return `调研最长开放 ${SURVEY_DAYS_MAX} 天`
  return null
}

/** Why the questions will not do (beyond the contract's lengths); null when they will. */
export function questionsProblem(questions: readonly SurveyQuestion[]): string | null {
  for (const [i, q] of questions.entries()) {
    if (!isFree(q) && new Set(q.options).size !== q.options.length) return `第 ${i + 1} 题的选项有重复`
  }
  return null
}

/** Why her answers do not fit the questions, in her words; null when they do. */
export function answerProblem(questions: readonly SurveyQuestion[], answers: readonly SurveyAnswer[]): string | null {
  if (answers.length !== questions.length) return `请回答全部 ${questions.length} 题`
  for (const [i, q] of questions.entries()) {
    const a = answers[i]!
    const n = `第 ${i + 1} 题`
    if (isFree(q)) {
      if (typeof a !== 'string') return `${n}请填写文字`
      continue
    }
    if (typeof a === 'string') return `${n}请选择选项`
    if (a.length === 0) return `${n}请选择`
    if (!q.multiple && a.length > 1) return `${n}只能选一项`
    if (new Set(a).size !== a.length) return `${n}的选项有重复`
    if (a.some((o) => o >= q.options.length)) return `${n}没有这个选项`
  }
  return null
}

// ── counting ────────────────────────────────────────────────────────────────────────────────────

/** What one answer adds to each counter of her chain. */
export function answerCounts(questions: readonly SurveyQuestion[], answers: readonly SurveyAnswer[]): Record<string, number> {
  const out: Record<string, number> = { [RESPONDENTS]: 1 }
  questions.forEach((q, i) => {
    const a = answers[i]
    if (isFree(q)) {
      if (typeof a === 'string' && a.trim() !== '') out[answeredKey(i)] = 1
      return
    }
    if (!Array.isArray(a) || a.length === 0) return
    out[answeredKey(i)] = 1
    for (const o of a) out[optionKey(i, o)] = 1
  })
  return out
}

/** What a change adds: the new answer's counts less the old one's (every key of both; zeros dropped). */
export function countChange(questions: readonly SurveyQuestion[], before: readonly SurveyAnswer[] | null, after: readonly SurveyAnswer[]): Record<string, number> {
  const out: Record<string, number> = { ...answerCounts(questions, after) }
  if (before) for (const [key, n] of Object.entries(answerCounts(questions, before))) out[key] = (out[key] ?? 0) - n
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0))
}

export const hasFreeWords = (questions: readonly SurveyQuestion[], answers: readonly SurveyAnswer[]): boolean =>
  questions.some((q, i) => isFree(q) && typeof answers[i] === 'string' && (answers[i] as string).trim() !== '')

/** Her words to the free questions, by question index (empty ones left out). */
export function freeWordsOf(questions: readonly SurveyQuestion[], answers: readonly SurveyAnswer[]): { question: number; text: string }[] {
  return questions.flatMap((q, i) => (isFree(q) && typeof answers[i] === 'string' && answers[i] !== '' ? [{ question: i, text: answers[i] as string }] : []))
}

// ── results ─────────────────────────────────────────────────────────────────────────────────────

export interface QuestionResult {
  text: string
  free: boolean
  multiple: boolean
  answered: number
  options: { text: string; count: number }[]
}

/** The whole, from the survey org's counters. */
export function resultsOf(questions: readonly SurveyQuestion[], counts: Counts): { respondents: number; questions: QuestionResult[] } {
  return {
    respondents: counts[RESPONDENTS] ?? 0,
    questions: questions.map((q, i) => ({
      text: q.text,
      free: isFree(q),
      multiple: !isFree(q) && q.multiple,
      answered: counts[answeredKey(i)] ?? 0,
      options: isFree(q) ? [] : q.options.map((text, o) => ({ text, count: counts[optionKey(i, o)] ?? 0 })),
    })),
  }
}

/** A child org's part: respondents, and per question per option ([] for a free question). */
export function partOf(questions: readonly SurveyQuestion[], counts: Counts): { respondents: number; counts: number[][] } {
  return {
    respondents: counts[RESPONDENTS] ?? 0,
    counts: questions.map((q, i) => (isFree(q) ? [] : q.options.map((_, o) => counts[optionKey(i, o)] ?? 0))),
  }
}

/** Her list: open ones first, the soonest to close first; then closed ones, the latest closed first. */
export function surveyOrder(now: string) {
  return (a: SurveyFacts & { id: string }, b: SurveyFacts & { id: string }): number => {
    const ca = isClosed(a, now)
    const cb = isClosed(b, now)
    if (ca !== cb) return ca ? 1 : -1
    const ea = a.closedAt ?? a.closesAt
    const eb = b.closedAt ?? b.closesAt
    if (ea !== eb) return (ea < eb ? -1 : 1) * (ca ? -1 : 1)
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}

/** Surveys an org keeps open at once: the list reads SURVEYS_PER_ORG of an org, the newest first. */
export const OPEN_SURVEYS_PER_ORG = 10
export const SURVEYS_PER_ORG = 20
/** Free answers a page of results shows. */
export const FREE_ANSWERS_PER_PAGE = 20
