/**
 * Fuzzing every action of every function on the real local host: whatever arrives — wrong types,
 * missing fields, huge strings, other people's ids — the answer is an envelope, never INTERNAL, never
 * a crash, and an error always speaks Chinese.
 */
import fc from 'fast-check'
import type { z } from 'zod'
import { contracts } from '../../types/contract'
import { startTestHost, type TestHost } from '../support/local-host'
import { aReport, ADMIN, CONVENER, MEMBER, PROVINCE_CADRE, RESIDENT, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'

jest.setTimeout(120_000)

let host: TestHost
const known: Record<string, string[]> = { caseId: [], orgId: [VILLAGE, '210000', '210113001'], villageId: [VILLAGE] }
beforeAll(async () => {
  host = await startTestHost()
  const sent = await host.post<{ ok: boolean; data: { caseId: string } }>('/api/intake', aReport(), RESIDENT)
  known.caseId!.push(sent.body.data.caseId, 'case_nonexistent')
})
afterAll(() => host.destroy())

/** Every field name any action's schema knows: the fuzzer fills them with anything. */
function fieldNames(): string[] {
  const names = new Set<string>()
  for (const actions of Object.values(contracts)) {
    for (const schema of Object.values(actions as Record<string, z.ZodType>)) {
      const shape = (schema as unknown as { shape?: Record<string, unknown>; _zod?: { def?: { shape?: Record<string, unknown> } } })
      for (const key of Object.keys(shape.shape ?? shape._zod?.def?.shape ?? {})) names.add(key)
    }
  }
  return [...names]
}

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 3000 }),
  fc.constantFrom('', ' ', '测试违禁词', '<script>alert(1)</script>', "'; DROP TABLE cases; --", '../../etc/passwd', 'local:../x.png', 'cloud://x'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer({ min: -2, max: 12 }), fc.string({ maxLength: 10 })), { maxLength: 12 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
)

const personas = [RESIDENT, CONVENER, MEMBER, TOWNSHIP_CADRE, PROVINCE_CADRE, ADMIN, 'stranger-openid']
const CHINESE = /[\u4e00-\u9fa5]/

test('every action answers an envelope for any input, never INTERNAL, always in Chinese', async () => {
  const names = fieldNames()
  const events = fc.record({
    fn: fc.constantFrom(...Object.keys(contracts)),
    actionPick: fc.nat(),
    fields: fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 6 }),
    knownPicks: fc.dictionary(fc.constantFrom(...Object.keys(known)), fc.nat(), { maxKeys: 2 }),
    persona: fc.constantFrom(...personas, undefined),
  })
  await fc.assert(
    fc.asyncProperty(events, async ({ fn, actionPick, fields, knownPicks, persona }) => {
      const actions = Object.keys(contracts[fn as keyof typeof contracts])
      const action = actions[actionPick % actions.length]!
      const ids = Object.fromEntries(Object.entries(knownPicks).map(([k, i]) => [k, known[k]![i % known[k]!.length]]))
      const { status, body } = await host.post<{ ok: boolean; error?: { code: string; message: string } }>(
        `/api/${fn}`,
        { ...fields, ...ids, action },
        persona,
      )
      expect(status).toBe(200)
      expect(typeof body.ok).toBe('boolean')
      if (!body.ok) {
        expect(body.error?.code).not.toBe('INTERNAL')
        expect(body.error?.message).toMatch(CHINESE)
      }
    }),
    { numRuns: 400 },
  )
  // And the host is still there.
  expect((await host.post('/api/account', { action: 'me' }, RESIDENT)).status).toBe(200)
})

test('malformed bodies of every kind answer 400 envelopes', async () => {
  for (const raw of ['{', '[1,2', 'null', '"just a string"', '\u0000\u0001', '{"action":"me",}']) {
    const { status, body } = await host.post<{ ok: boolean; error: { message: string } }>('/api/account', raw, RESIDENT)
    expect([200, 400]).toContain(status)
    expect(body.ok).toBe(false)
    expect(body.error.message).toMatch(CHINESE)
  }
})
