/** Who may do what with a case: tables over people and cases. */
import {
  canOnCase,
  visibilityOf,
  type CaseAction,
  type Person,
} from '../../../cloudfunctions/_shared/domain'
import {
  REPORTER,
  STRANGER,
  aCase,
  aPerson,
  cadreAt,
  convenerOf,
  memberOf,
  provinceAdmin,
} from './case.builders'

const HOLDER_ACTIONS: CaseAction[] = ['accept', 'resolve', 'escalate', 'handBack', 'assign', 'reply']
const REPORTER_ACTIONS: CaseAction[] = ['rate', 'withdraw']

type Who = [string, Person]
const people: Who[] = [
  ['the reporter', REPORTER],
  ['the village convener', convenerOf()],
  ['a village council member', memberOf()],
  ['a village cadre', cadreAt('village')],
  ['a township cadre', cadreAt('township')],
  ['a county cadre', cadreAt('county')],
  ['a city cadre', cadreAt('city')],
  ['the province admin', provinceAdmin()],
  ['an admin of another province', aPerson('o-admin-2', { role: 'admin', orgId: 'p-zhejiang' })],
  ['a member of another village', aPerson('o-member-2', { role: 'member', orgId: 'v-other' })],
  ['a cadre of another township', aPerson('o-cadre-2', { role: 'cadre', orgId: 't-other' })],
  ['a stranger', STRANGER],
]

describe('a case held by the township (escalated from the village)', () => {
  const ordinary = aCase({ level: 'township' }).state
  const sensitive = aCase({ level: 'township', submit: { category: 'marriage_family' } }).state

  // who, visibility of an ordinary case, of a sensitive case, may handle, may rate/withdraw
  it.each<[string, string, string, boolean, boolean]>([
    ['the reporter', 'full', 'full', false, true],
    ['the village convener', 'full', 'redacted', false, false],
    ['a village council member', 'full', 'redacted', false, false],
    ['a village cadre', 'none', 'none', false, false],
    ['a township cadre', 'full', 'full', true, false],
    ['a county cadre', 'full', 'full', false, false],
    ['a city cadre', 'full', 'full', false, false],
    ['the province admin', 'full', 'full', false, false],
    ['an admin of another province', 'none', 'none', false, false],
    ['a member of another village', 'none', 'none', false, false],
    ['a cadre of another township', 'none', 'none', false, false],
    ['a stranger', 'none', 'none', false, false],
  ])('%s: sees an ordinary case %s, a sensitive one %s; handles: %s; rates: %s', (who, plain, secret, handles, rates) => {
    const person = people.find(([name]) => name === who)![1]
    expect(visibilityOf(person, ordinary)).toBe(plain)
    expect(visibilityOf(person, sensitive)).toBe(secret)
    expect(canOnCase(person, 'view', sensitive)).toBe(secret !== 'none')
    for (const action of HOLDER_ACTIONS) expect(canOnCase(person, action, sensitive)).toBe(handles)
    for (const action of REPORTER_ACTIONS) expect(canOnCase(person, action, sensitive)).toBe(rates)
  })
})

describe('a sensitive case held by the village', () => {
  const state = aCase({ submit: { category: 'personal' } }).state

  it.each<[string, Person, string, boolean]>([
    ['the convener (holder)', convenerOf(), 'full', true],
    ['a council member', memberOf(), 'redacted', false],
    ['a township cadre (supervision)', cadreAt('township'), 'full', false],
    ['a stranger', STRANGER, 'none', false],
  ])('%s sees it %s and handles it: %s', (_who, person, visibility, handles) => {
    expect(visibilityOf(person, state)).toBe(visibility)
    expect(canOnCase(person, 'accept', state)).toBe(handles)
  })

  it('gives a person her widest view when she holds several roles', () => {
    const both = aPerson('o-both', { role: 'member', orgId: 'v-hemu' }, { role: 'cadre', orgId: 'c-qixia' })
    expect(visibilityOf(both, state)).toBe('full')
  })

  it('does not mistake an empty openid for the reporter', () => {
    const anonymousCase = { ...state, reporter: { openid: '', anonymous: true } }
    expect(canOnCase(aPerson(''), 'withdraw', anonymousCase)).toBe(false)
  })
})
