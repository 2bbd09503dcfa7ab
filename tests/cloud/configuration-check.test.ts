/**
 * The configuration check itself (cloudfunctions/_shared/runtime/configuration.check.ts): pure, so
 * every rule is shown here; tests/cloud/configuration.test.ts shows what a deployed function does with
 * it. The local host's readers keep their development fallbacks.
 */
import { randomBytes } from 'node:crypto'
import { DEV_KEY, keyFromEnvironment } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { templateIds } from '../../cloudfunctions/_shared/notify/templates'
import { checkConfiguration, describeProblem, type ConfigurationCheck } from '../../cloudfunctions/_shared/runtime/configuration.check'
import { TEMPLATE_KEYS } from '../../types/notify.contract'

const KEY = randomBytes(32)
const IDS = Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, `Tmpl_${key}-1a2B`]))
const GOOD = { PHONE_ENCRYPTION_KEY: KEY.toString('base64'), SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(IDS) }

const problemsOf = (check: ConfigurationCheck): string[] => (check.ok ? [] : check.problems.map(describeProblem))
const problems = (env: Record<string, string | undefined>) => problemsOf(checkConfiguration(env))

test('a good environment passes and carries the checked values', () => {
  const check = checkConfiguration(GOOD)
  expect(check.ok).toBe(true)
  if (!check.ok) return
  expect(check.configuration.phoneKey.equals(KEY)).toBe(true)
  expect(check.configuration.templates).toEqual(IDS)
  expect(check.configuration.miniprogramState).toBe('formal')
  // base64url without padding decodes to the same key (Buffer reads both alphabets).
  expect(checkConfiguration({ ...GOOD, PHONE_ENCRYPTION_KEY: KEY.toString('base64url') }).ok).toBe(true)
  expect(checkConfiguration({ ...GOOD, MINIPROGRAM_STATE: 'trial', WRITE_LIMIT_PER_MINUTE: '0' }).ok).toBe(true)
})

test('nothing set: both required variables named', () => {
  expect(problems({})).toEqual([
    expect.stringMatching(/^PHONE_ENCRYPTION_KEY：未设置/),
    expect.stringMatching(/^SUBSCRIBE_TEMPLATE_IDS：未设置/),
  ])
  // The console drops an empty value: empty is unset.
  expect(problems({ PHONE_ENCRYPTION_KEY: '', SUBSCRIBE_TEMPLATE_IDS: '' })).toHaveLength(2)
})

describe('PHONE_ENCRYPTION_KEY', () => {
  const keyProblem = (value: string) => {
    const found = problems({ ...GOOD, PHONE_ENCRYPTION_KEY: value })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^PHONE_ENCRYPTION_KEY：/)
    expect(found[0]).not.toContain(value)
    return found[0]
  }

  test.each([
    ['not base64', 'this is not a key at all, it is a sentence!!', '不是 32 字节密钥的 base64'],
    ['16 bytes', randomBytes(16).toString('base64'), '不是 32 字节密钥的 base64'],
    ['33 bytes', randomBytes(33).toString('base64'), '不是 32 字节密钥的 base64'],
    ['hex instead of base64', randomBytes(32).toString('hex'), '不是 32 字节密钥的 base64'],
    ['a trailing newline', `${KEY.toString('base64')}\n`, '前后有空格或换行'],
    ['all zeros', Buffer.alloc(32).toString('base64'), '同一个字节重复 32 次'],
    ['one repeated byte', Buffer.alloc(32, 0xa5).toString('base64'), '同一个字节重复 32 次'],
    ['the development key', DEV_KEY.toString('base64'), '本地开发用的固定密钥'],
    ['a short pattern repeated', Buffer.concat(Array<Buffer>(4).fill(randomBytes(8))).toString('base64'), '重复组成'],
    ['a passphrase', Buffer.from('correct-horse-battery-staple-123').toString('base64'), '像是口令'],
  ])('%s', (_, value, expected) => {
    expect(keyProblem(value)).toContain(expected)
  })
})

describe('SUBSCRIBE_TEMPLATE_IDS', () => {
  const templateProblems = (value: string) => problems({ ...GOOD, SUBSCRIBE_TEMPLATE_IDS: value })
  const without = (key: string) => Object.fromEntries(Object.entries(IDS).filter(([k]) => k !== key))

  test('not JSON, or not an object', () => {
    expect(templateProblems("{case_progress: 'x'}")).toEqual([expect.stringMatching(/^SUBSCRIBE_TEMPLATE_IDS：不是合法的 JSON/)])
    expect(templateProblems('["a","b"]')).toEqual([expect.stringMatching(/^SUBSCRIBE_TEMPLATE_IDS：应为 JSON 对象/)])
    expect(templateProblems('null')).toEqual([expect.stringMatching(/应为 JSON 对象/)])
  })

  test('every template the product uses, by key; a misspelt key is pointed at', () => {
    expect(templateProblems(JSON.stringify(without('case_todo')))).toEqual(['SUBSCRIBE_TEMPLATE_IDS：缺少模板 case_todo'])
    expect(templateProblems(JSON.stringify({ ...without('case_result'), case_resutl: 'x' }))).toEqual([
      'SUBSCRIBE_TEMPLATE_IDS：缺少模板 case_result（另有不认识的键 case_resutl，是否拼错？）',
    ])
    expect(templateProblems('{}')).toEqual([`SUBSCRIBE_TEMPLATE_IDS：缺少模板 ${TEMPLATE_KEYS.join('、')}`])
  })

  test('each id a real one: not empty, not a number, no spaces, not a local stand-in', () => {
    expect(templateProblems(JSON.stringify({ ...IDS, case_progress: '', case_result: 7, case_todo: 'a b', deliberation_invite: 'local-deliberation_invite' }))).toEqual([
      'SUBSCRIBE_TEMPLATE_IDS：模板 case_progress 的 ID 为空',
      'SUBSCRIBE_TEMPLATE_IDS：模板 case_result 的 ID 应为字符串',
      'SUBSCRIBE_TEMPLATE_IDS：模板 case_todo 的 ID 含有空格或换行',
      'SUBSCRIBE_TEMPLATE_IDS：模板 deliberation_invite 的 ID 是本地替身（local-…），不是微信公众平台里的模板 ID',
    ])
  })
})

test('optional variables, when set, must make sense', () => {
  expect(problems({ ...GOOD, MINIPROGRAM_STATE: 'release' })).toEqual([expect.stringMatching(/^MINIPROGRAM_STATE：应为 developer \/ trial \/ formal/)])
  expect(problems({ ...GOOD, WRITE_LIMIT_PER_MINUTE: '30/min' })).toEqual([expect.stringMatching(/^WRITE_LIMIT_PER_MINUTE：应为不小于 0 的整数/)])
  expect(problems({ ...GOOD, WRITE_LIMIT_PER_MINUTE: '-1' })).toHaveLength(1)
})

test('the local host keeps its development fallbacks', () => {
  expect(templateIds({})).toEqual(Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, `local-${key}`])))
  expect(keyFromEnvironment(true, {}).equals(DEV_KEY)).toBe(true)
  expect(keyFromEnvironment(true, { PHONE_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }).equals(Buffer.alloc(32))).toBe(true)
  // Production's reader refuses what the check refuses.
  expect(() => keyFromEnvironment(false, { PHONE_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') })).toThrow(/PHONE_ENCRYPTION_KEY 是同一个字节重复/)
  expect(keyFromEnvironment(false, GOOD).equals(KEY)).toBe(true)
})
