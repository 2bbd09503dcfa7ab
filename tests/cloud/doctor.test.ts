/**
 * `npm run doctor` (scripts/doctor.ts) as an administrator runs it before a deploy: the same check a
 * function makes at a cold start, on the shell's environment, in Chinese, exit 1 when something is
 * wrong, never printing a secret.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { TEMPLATE_KEYS } from '../../types/notify.contract'

const IDS = JSON.stringify(Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, `T-${key}`])))

function doctor(variables: Record<string, string>) {
  // Only PATH and HOME from this process: the variables under test must come from the test alone.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...variables }
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/doctor.ts'], { env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 30_000 })
  return { status: run.status, out: run.stdout, err: run.stderr }
}

test('a weak key and missing templates: named in Chinese, exit 1, the key not printed', () => {
  const zeros = Buffer.alloc(32).toString('base64')
  const { status, out, err } = doctor({ PHONE_ENCRYPTION_KEY: zeros, SUBSCRIBE_TEMPLATE_IDS: JSON.stringify({ case_progress: 'T-1' }), WRITE_LIMIT_PER_MINUTE: 'many' })
  expect(err).toBe('')
  expect(status).toBe(1)
  expect(out).toContain('✗ PHONE_ENCRYPTION_KEY（手机号加密密钥）：是同一个字节重复 32 次（例如全 0），不是随机密钥')
  expect(out).toContain('✗ SUBSCRIBE_TEMPLATE_IDS（订阅消息模板 ID）：缺少模板 case_result、case_todo、deliberation_invite、deliberation_result')
  expect(out).toContain('✗ WRITE_LIMIT_PER_MINUTE')
  expect(out).toContain('✓ MINIPROGRAM_STATE')
  expect(out).toContain('有 3 处问题。这样部署，每个云函数对每次调用都只会回答「服务配置未完成，请联系管理员」')
  expect(out).not.toContain(zeros)
})

test('a good environment: exit 0', () => {
  const key = randomBytes(32).toString('base64')
  const { status, out } = doctor({ PHONE_ENCRYPTION_KEY: key, SUBSCRIBE_TEMPLATE_IDS: IDS })
  expect(status).toBe(0)
  expect(out).toContain('✓ PHONE_ENCRYPTION_KEY')
  expect(out).toContain('✓ SUBSCRIBE_TEMPLATE_IDS')
  expect(out).toContain('配置完整，可以部署。')
  expect(out).not.toContain(key)
})
