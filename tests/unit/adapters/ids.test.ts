/** randomIds (cloudfunctions/_shared/adapters/ids.ts): the same shape as before, time first, unguessable. */
import { randomIds, timeOrderedId } from '../../../cloudfunctions/_shared/adapters/ids'

describe('time-ordered ids', () => {
  it('keep the shape every id had: prefix, underscore, 32 lowercase hex digits', () => {
    expect(randomIds.next('case')).toMatch(/^case_[0-9a-f]{32}$/)
  })

  it('sort by the instant they were made, whatever the random part', () => {
    const instants = [0, 1, 255, 256, 1_700_000_000_000, 1_700_000_000_001, 2 ** 48 - 1]
    const ids = instants.map((ms) => timeOrderedId('msg', ms))
    expect([...ids].sort()).toEqual(ids)
  })

  it('differ within one instant, in 20 hex digits of randomness', () => {
    const made = Array.from({ length: 2_000 }, () => timeOrderedId('msg', 1_700_000_000_000))
    expect(new Set(made).size).toBe(made.length)
    const tails = new Set(made.map((id) => id.slice(-20)))
    expect(tails.size).toBe(made.length)
    expect(new Set(made.map((id) => id.slice(4, 16))).size).toBe(1)
  })
})
