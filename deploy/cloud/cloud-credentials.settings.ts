/**
 * Who deploys and where, from the shell: a Tencent Cloud API key (TENCENTCLOUD_SECRETID /
 * TENCENTCLOUD_SECRETKEY, with TENCENTCLOUD_SESSIONTOKEN for a temporary key), the environment id
 * (TCB_ENV_ID) and, when the environment is not in ap-shanghai, its region (TCB_REGION, which
 * @cloudbase/manager-node also reads itself). Every problem is one line in Chinese and English.
 */
export interface CloudTarget {
  secretId: string
  secretKey: string
  token?: string
  envId: string
  region?: string
}

type Environment = Record<string, string | undefined>

const REQUIRED = [
  { name: 'TENCENTCLOUD_SECRETID', zh: '腾讯云 API 密钥的 SecretId', en: 'the SecretId of a Tencent Cloud API key' },
  { name: 'TENCENTCLOUD_SECRETKEY', zh: '腾讯云 API 密钥的 SecretKey', en: 'the SecretKey of that key' },
  { name: 'TCB_ENV_ID', zh: '要部署到的云开发环境 ID', en: 'the id of the CloudBase environment to deploy to' },
] as const

const present = (env: Environment, name: string): string | undefined => (env[name] === '' ? undefined : env[name]?.trim())

export function readCloudTarget(env: Environment): { ok: true; target: CloudTarget } | { ok: false; problems: string[] } {
  const problems = REQUIRED.filter(({ name }) => !present(env, name)).map(
    ({ name, zh, en }) => `缺少环境变量 ${name}（${zh}） / Missing environment variable ${name} (${en})`,
  )
  if (problems.length > 0) return { ok: false, problems }
  const token = present(env, 'TENCENTCLOUD_SESSIONTOKEN')
  const region = present(env, 'TCB_REGION')
  return {
    ok: true,
    target: {
      secretId: present(env, 'TENCENTCLOUD_SECRETID')!,
      secretKey: present(env, 'TENCENTCLOUD_SECRETKEY')!,
      envId: present(env, 'TCB_ENV_ID')!,
      ...(token && { token }),
      ...(region && { region }),
    },
  }
}
