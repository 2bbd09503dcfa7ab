/** Who reads which org's statistics, and what an export shows of a case. */
import { LEVELS } from '../../../types/enums'
import { canReadStats, exportVisibility, readsStatsAnywhere } from '../../../cloudfunctions/_shared/domain'
import { STRANGER, aCase, aChain, aPerson, cadreAt, convenerOf, memberOf, provinceAdmin } from '../domain/case.builders'

const chain = aChain()
/** The path of the org at `level` on the chain: the org first, up to the province. */
const pathOf = (level: (typeof LEVELS)[number]) => LEVELS.slice(LEVELS.indexOf(level)).map((l) => chain[l])

describe('canReadStats', () => {
  it('lets a cadre read her org and every org below it, and nothing above or beside it', () => {
    const county = cadreAt('county')
    expect(canReadStats(county, pathOf('county'))).toBe(true)
    expect(canReadStats(county, pathOf('village'))).toBe(true)
    expect(canReadStats(county, pathOf('city'))).toBe(false)
    expect(canReadStats(county, ['c-other', chain.city, chain.province])).toBe(false)
  })

  it('lets the admin read anything under her province', () => {
    for (const level of LEVELS) expect(canReadStats(provinceAdmin(), pathOf(level))).toBe(true)
  })

  it('lets a convener read her own village only', () => {
    expect(canReadStats(convenerOf(), pathOf('village'))).toBe(true)
    expect(canReadStats(convenerOf(), pathOf('township'))).toBe(false)
    expect(canReadStats(convenerOf(aChain({ village: 'v-2' })), pathOf('village'))).toBe(false)
  })

  it('refuses council members and residents everywhere', () => {
    for (const person of [memberOf(), STRANGER]) {
      expect(readsStatsAnywhere(person)).toBe(false)
      for (const level of LEVELS) expect(canReadStats(person, pathOf(level))).toBe(false)
    }
    expect(canReadStats(cadreAt('county'), [])).toBe(false)
  })
})

describe('exportVisibility', () => {
  const sensitive = aCase({ submit: { category: 'marriage_family' }, level: 'township' }).state
  const open = aCase({ submit: { category: 'governance' }, level: 'township' }).state

  it('gives a sensitive case in full only to the convener and cadres of the org holding it', () => {
    expect(exportVisibility(cadreAt('township'), sensitive)).toBe('full')
    expect(exportVisibility(cadreAt('county'), sensitive)).toBe('redacted')
    expect(exportVisibility(provinceAdmin(), sensitive)).toBe('redacted')
    expect(exportVisibility(convenerOf(), sensitive)).toBe('redacted')
    expect(exportVisibility(aPerson('o-both', { role: 'cadre', orgId: chain.township }), sensitive)).toBe('full')
  })

  it('gives any other case in full', () => {
    for (const person of [cadreAt('county'), provinceAdmin(), convenerOf()]) expect(exportVisibility(person, open)).toBe('full')
  })
})
