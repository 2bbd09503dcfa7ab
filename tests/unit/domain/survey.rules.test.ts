/**
 * Surveys (domain/survey.rules.ts, docs/RULES.md "Surveys"): who is asked and from where, deadlines
 * and answers that fit, what an answer adds to the counters — by hand on a small tree, then as
 * properties: under any sequence of answers and changes the counters equal a recount of the answers.
 */
import fc from 'fast-check'
import type { SurveyAnswer } from '../../../types/outreach.contract'
import type { RoleBinding } from '../../../cloudfunctions/_shared/domain/actor.types'
import { lineOf, person } from './small-tree.fixture'
import {
  answerChain,
  answerCounts,
  answerProblem,
  closesAtProblem,
  countChange,
  freeWordsOf,
  hasFreeWords,
  isClosed,
  mayInOffice,
  mayOnSurvey,
  openPlaces,
  partOf,
  questionsProblem,
  resultsOf,
  surveyOrder,
  surveySources,
  type SurveyQuestion,
} from '../../../cloudfunctions/_shared/domain/survey.rules'

const resident = (home: string | null, ...roles: RoleBinding[]) => ({ person: person(...roles), homeOrgId: home })

const QUESTIONS: SurveyQuestion[] = [
  { text: '最需要的服务', options: ['法律', '健康', '就业'], multiple: true },
  { text: '方便的时间', options: ['白天', '晚上'], multiple: false },
  { text: '建议', free: true },
]

describe('who is asked, and from where', () => {
  test('a residents’ survey asks who lives under its org; her answer counts from her village up to it', () => {
    const survey = { orgId: 't', audience: 'residents' as const }
    expect(answerChain(resident('v1'), survey, lineOf('t'), lineOf)).toEqual(['v1', 't'])
    expect(answerChain(resident('v2'), { ...survey, orgId: 'k' }, lineOf('k'), lineOf)).toEqual(['v2', 't', 'k'])
    expect(answerChain(resident('v1'), { ...survey, orgId: 'v1' }, lineOf('v1'), lineOf)).toEqual(['v1'])
    // Not a village under it, nor nowhere at all.
    expect(answerChain(resident('w'), survey, lineOf('t'), lineOf)).toBeNull()
    expect(answerChain(resident(null), survey, lineOf('t'), lineOf)).toBeNull()
  })

  test('a council member answers a residents’ survey from her council’s village; a cadre never answers', () => {
    const survey = { orgId: 't', audience: 'residents' as const }
    expect(answerChain(resident(null, { role: 'member', orgId: 'v2' }), survey, lineOf('t'), lineOf)).toEqual(['v2', 't'])
    // Her home first.
    expect(answerChain(resident('v1', { role: 'member', orgId: 'v2' }), survey, lineOf('t'), lineOf)).toEqual(['v1', 't'])
    expect(answerChain(resident(null, { role: 'cadre', orgId: 't' }), survey, lineOf('t'), lineOf)).toBeNull()
    expect(answerChain(resident(null, { role: 'cadre', orgId: 'v1' }), survey, lineOf('t'), lineOf)).toBeNull()
  })

  test('a members’ survey asks the councils: her home does not place her there', () => {
    const survey = { orgId: 't', audience: 'members' as const }
    expect(answerChain(resident('v1'), survey, lineOf('t'), lineOf)).toBeNull()
    expect(answerChain(resident('v1', { role: 'convener', orgId: 'v2' }), survey, lineOf('t'), lineOf)).toEqual(['v2', 't'])
    expect(mayOnSurvey('survey.read', resident('v1'), 'members', lineOf('t'), lineOf)).toBe(false)
    expect(mayOnSurvey('survey.read', resident('v1'), 'residents', lineOf('t'), lineOf)).toBe(true)
  })

  test('her list reads the orgs of her lines; watching, free answers and opening are her offices’', () => {
    expect(surveySources(resident('v1'), lineOf)).toEqual(['v1', 't', 'k', 'c', 'p'])
    expect(surveySources(resident('w', { role: 'cadre', orgId: 'k2' }), lineOf)).toEqual(['w', 't2', 'k', 'c', 'p', 'k2', 'c2'])
    const township = person({ role: 'cadre', orgId: 't' })
    expect(mayInOffice('survey.watch', township, lineOf('t'), lineOf)).toBe(true)
    expect(mayInOffice('survey.watch', person({ role: 'cadre', orgId: 'c' }), lineOf('t'), lineOf)).toBe(true)
    expect(mayInOffice('survey.watch', person({ role: 'cadre', orgId: 'v1' }), lineOf('t'), lineOf)).toBe(false)
    expect(mayInOffice('survey.freeAnswers', township, lineOf('t'), lineOf)).toBe(true)
    expect(mayInOffice('survey.freeAnswers', person({ role: 'cadre', orgId: 'c' }), lineOf('t'), lineOf)).toBe(false)
    expect(mayInOffice('survey.open', person({ role: 'convener', orgId: 'v1' }), lineOf('v1'), lineOf)).toBe(true)
    expect(mayInOffice('survey.open', person({ role: 'member', orgId: 'v1' }), lineOf('v1'), lineOf)).toBe(false)
    expect(openPlaces(person({ role: 'member', orgId: 'v1' }))).toEqual([])
    expect(openPlaces(person({ role: 'convener', orgId: 'v1' }, { role: 'member', orgId: 'v1' }, { role: 'cadre', orgId: 'k' }))).toEqual(['v1', 'k'])
  })
})

describe('when, and what fits', () => {
  const now = '2026-11-30T01:00:00.000Z'
  test('a deadline after now and within 90 days; closed at it, or when closed early', () => {
    expect(closesAtProblem(now, now)).toBe('截止时间应晚于现在')
    expect(closesAtProblem(now, '2027-02-28T01:00:00.000Z')).toBeNull()
    expect(closesAtProblem(now, '2027-02-28T01:00:01.000Z')).toBe('调研最长开放 90 天')
    expect(isClosed({ closesAt: '2026-12-01T00:00:00.000Z' }, now)).toBe(false)
    expect(isClosed({ closesAt: now }, now)).toBe(true)
    expect(isClosed({ closesAt: '2026-12-01T00:00:00.000Z', closedAt: now }, now)).toBe(true)
  })

  test('options of one question differ', () => {
    expect(questionsProblem(QUESTIONS)).toBeNull()
    expect(questionsProblem([{ text: 'a', options: ['是', '是'], multiple: false }])).toBe('第 1 题的选项有重复')
  })

  test('an answer per question, of its kind, of its options, one unless multiple', () => {
    expect(answerProblem(QUESTIONS, [[0, 2], [1], '多办讲座'])).toBeNull()
    expect(answerProblem(QUESTIONS, [[0], [1], ''])).toBeNull()
    expect(answerProblem(QUESTIONS, [[0], [1]])).toBe('请回答全部 3 题')
    expect(answerProblem(QUESTIONS, [[], [1], ''])).toBe('第 1 题请选择')
    expect(answerProblem(QUESTIONS, [[0], [0, 1], ''])).toBe('第 2 题只能选一项')
    expect(answerProblem(QUESTIONS, [[0, 0], [1], ''])).toBe('第 1 题的选项有重复')
    expect(answerProblem(QUESTIONS, [[3], [1], ''])).toBe('第 1 题没有这个选项')
    expect(answerProblem(QUESTIONS, ['法律', [1], ''])).toBe('第 1 题请选择选项')
    expect(answerProblem(QUESTIONS, [[0], [1], [0]])).toBe('第 3 题请填写文字')
  })

  test('her list: open ones first, the soonest to close first; then the latest closed first', () => {
    const s = (id: string, closesAt: string, closedAt?: string) => ({ id, orgId: 't', audience: 'residents' as const, questions: [], closesAt, ...(closedAt && { closedAt }) })
    const list = [s('a', '2026-12-10T00:00:00.000Z'), s('b', '2026-11-29T00:00:00.000Z'), s('c', '2026-12-05T00:00:00.000Z'), s('d', '2026-12-30T00:00:00.000Z', '2026-11-30T00:00:00.000Z')]
    expect(list.sort(surveyOrder(now)).map((x) => x.id)).toEqual(['c', 'a', 'd', 'b'])
  })
})

describe('counting', () => {
  test('one answer: a respondent, each chosen option, each question answered (a free one: with words)', () => {
    expect(answerCounts(QUESTIONS, [[0, 2], [1], '多办讲座'])).toEqual({ n: 1, q0: 1, 'q0:0': 1, 'q0:2': 1, q1: 1, 'q1:1': 1, q2: 1 })
    expect(answerCounts(QUESTIONS, [[1], [0], ''])).toEqual({ n: 1, q0: 1, 'q0:1': 1, q1: 1, 'q1:0': 1 })
    expect(hasFreeWords(QUESTIONS, [[1], [0], ''])).toBe(false)
    expect(freeWordsOf(QUESTIONS, [[1], [0], '多办讲座'])).toEqual([{ question: 2, text: '多办讲座' }])
  })

  test('a change adds the difference; the same answer again adds nothing', () => {
    expect(countChange(QUESTIONS, [[0], [1], ''], [[0, 1], [0], '好'])).toEqual({ 'q0:1': 1, 'q1:1': -1, 'q1:0': 1, q2: 1 })
    expect(countChange(QUESTIONS, [[0], [1], ''], [[0], [1], ''])).toEqual({})
  })

  test('results: the whole from the org’s counters, a child’s part from its own', () => {
    const counts = { n: 3, q0: 3, 'q0:0': 2, 'q0:2': 1, q1: 2, 'q1:1': 2, q2: 1 }
    expect(resultsOf(QUESTIONS, counts)).toEqual({
      respondents: 3,
      questions: [
        { text: '最需要的服务', free: false, multiple: true, answered: 3, options: [{ text: '法律', count: 2 }, { text: '健康', count: 0 }, { text: '就业', count: 1 }] },
        { text: '方便的时间', free: false, multiple: false, answered: 2, options: [{ text: '白天', count: 0 }, { text: '晚上', count: 2 }] },
        { text: '建议', free: true, multiple: false, answered: 1, options: [] },
      ],
    })
    expect(partOf(QUESTIONS, {})).toEqual({ respondents: 0, counts: [[0, 0, 0], [0, 0], []] })
  })

  const answerOf = fc.tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 0, max: 1 }),
    fc.constantFrom('', '多办讲座', '晚上开会'),
  ).map(([many, one, words]): SurveyAnswer[] => [many, [one], words])
  const villages = ['v1', 'v2', 'w']

  test('property: under any sequence of answers and changes, every org’s counters equal a recount of the answers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...villages), answerOf), { maxLength: 40 }), (steps) => {
        const survey = { orgId: 'k', audience: 'residents' as const }
        const counters = new Map<string, Record<string, number>>()
        const answers = new Map<number, { chain: string[]; answers: SurveyAnswer[] }>()
        for (const [who, home, next] of steps) {
          const before = answers.get(who)
          const chain = before?.chain ?? answerChain(resident(home), survey, lineOf('k'), lineOf)!
          for (const org of chain) {
            const c = counters.get(org) ?? {}
            for (const [key, n] of Object.entries(countChange(QUESTIONS, before?.answers ?? null, next))) c[key] = (c[key] ?? 0) + n
            counters.set(org, c)
          }
          answers.set(who, { chain, answers: next })
        }
        for (const org of ['k', 't', 't2', 'v1', 'v2', 'w']) {
          const recount: Record<string, number> = {}
          for (const a of answers.values()) {
            if (!a.chain.includes(org)) continue
            for (const [key, n] of Object.entries(answerCounts(QUESTIONS, a.answers))) recount[key] = (recount[key] ?? 0) + n
          }
          const kept = Object.fromEntries(Object.entries(counters.get(org) ?? {}).filter(([, n]) => n !== 0))
          expect(kept).toEqual(recount)
        }
        // The whole is the sum of its children's parts.
        const whole = resultsOf(QUESTIONS, counters.get('k') ?? {}).respondents
        expect(whole).toBe(['t', 't2'].reduce((sum, org) => sum + partOf(QUESTIONS, counters.get(org) ?? {}).respondents, 0))
        expect(whole).toBe(answers.size)
      }),
    )
  })
})
