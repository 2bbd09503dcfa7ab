/** The text-size rule (src/shared/text-size.ts): WeChat's setting until she chooses; her choice wins. */
import fc from 'fast-check'
import { ELDER_SCALE, textSizeFor } from '../../src/shared/text-size'

test.each([
  [1, undefined, { elder: false, scale: 1 }],
  [1.2, undefined, { elder: false, scale: 1.2 }],
  [1.4, undefined, { elder: true, scale: 1.4 }],
  [1.8, undefined, { elder: true, scale: 1.8 }],
  [1, 'on', { elder: true, scale: ELDER_SCALE }],
  [1.8, 'on', { elder: true, scale: 1.8 }],
  [1.8, 'off', { elder: false, scale: 1 }],
  [0.9, undefined, { elder: false, scale: 1 }],
  [3, undefined, { elder: true, scale: 2 }],
] as const)('WeChat at %s with her choice %s draws %o', (system, choice, expected) => {
  expect(textSizeFor(system, choice)).toEqual(expected)
})

test('长辈模式 is never smaller than its own scale nor than WeChat’s, and never beyond twice the standard', () => {
  fc.assert(
    fc.property(fc.double({ min: 0.5, max: 4, noNaN: true }), fc.constantFrom('on' as const, 'off' as const, undefined), (system, choice) => {
      const { elder, scale } = textSizeFor(system, choice)
      expect(scale).toBeGreaterThanOrEqual(1)
      expect(scale).toBeLessThanOrEqual(2)
      if (elder) expect(scale).toBeGreaterThanOrEqual(Math.max(ELDER_SCALE, Math.min(system, 2)))
      if (choice === 'off') expect(scale).toBe(1)
    }),
  )
})
