/** Every value that reaches WeChat fits its field type; every template's data is complete and valid. */
import fc from 'fast-check'
import { fitField, type FieldType } from '../../../cloudfunctions/_shared/notify/fit-fields'
import { TEMPLATES, TEMPLATE_OF_KIND, templateData } from '../../../cloudfunctions/_shared/notify/templates'
import { MESSAGE_KINDS } from '../../../types/messages'

/** WeChat's published limits, as predicates. */
const VALID: Record<FieldType, (v: string) => boolean> = {
  thing: (v) => [...v].length >= 1 && [...v].length <= 20,
  phrase: (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v),
  time: (v) => /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(v),
  character_string: (v) => /^[\w\-.]{1,32}$/.test(v),
  number: (v) => /^[\d.]{1,32}$/.test(v),
  letter: (v) => /^[a-zA-Z]{1,32}$/.test(v),
  name: (v) => [...v].length <= 20,
  phone_number: (v) => v.length <= 17,
}

test.each([
  ['thing', '村口到小学的路灯坏了两个月晚上孩子放学很危险', '村口到小学的路灯坏了两个月晚上孩子放学…'],
  ['thing', '  短  ', '短'],
  ['thing', '', '—'],
  ['phrase', '已受理', '已受理'],
  ['phrase', '已转办 (auto) 到上级部门', '已转办到上'],
  ['phrase', 'OK', '更新'],
  ['time', '2026-11-30T01:05:00.000Z', '2026年11月30日 09:05'],
  ['time', '2026-12-31T16:30:00.000Z', '2027年1月1日 00:30'],
  ['date', '2026-11-30T17:00:00.000Z', '2026年12月1日'],
  ['character_string', 'case_0001-A!', 'case_0001-A'],
] as [FieldType, string, string][])('fitField(%s, %j) = %j', (type, raw, fitted) => {
  expect(fitField(type, raw)).toBe(fitted)
})

test('any text fits a thing or a phrase', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (raw) => {
      expect(VALID.thing(fitField('thing', raw))).toBe(true)
      expect(VALID.phrase(fitField('phrase', raw))).toBe(true)
    }),
  )
})

test.each(MESSAGE_KINDS.filter((kind) => TEMPLATE_OF_KIND[kind] !== null))(
  'a %s message fills every field of its template validly, whatever its slots hold',
  (kind) => {
    const template = TEMPLATES[TEMPLATE_OF_KIND[kind]!]
    fc.assert(
      fc.property(
        fc.record({ subject: fc.string({ maxLength: 80 }), status: fc.string({ maxLength: 20 }), org: fc.string({ maxLength: 40 }), note: fc.string({ maxLength: 40 }) }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        (slots, when) => {
          const iso = when.toISOString()
          const data = templateData({ kind, slots: { ...slots, time: iso, deadline: iso }, createdAt: iso })!
          expect(Object.keys(data).sort()).toEqual(template.fields.map((f) => f.name).sort())
          for (const field of template.fields) expect(VALID[field.type](data[field.name]!)).toBe(true)
        },
      ),
      { numRuns: 50 },
    )
  },
)

test('kinds without a template stay in the message centre', () => {
  expect(templateData({ kind: 'case_received', slots: {}, createdAt: '2026-11-30T01:00:00.000Z' })).toBeNull()
})
