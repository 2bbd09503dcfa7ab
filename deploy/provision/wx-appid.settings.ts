/**
 * What `npm run provision` needs besides the deploy's credentials and TCB_ENV_ID: the mini-program's
 * AppID (WX_APPID), which CloudBase's DescribeSafeRule requires for a WeChat-bound environment
 * (project.config.json holds the tourist id, not the real one).
 */
export function readWxAppId(env: Record<string, string | undefined>): { ok: true; wxAppId: string } | { ok: false; problem: string } {
  const value = env.WX_APPID?.trim()
  if (value && /^wx[0-9a-f]{16}$/.test(value)) return { ok: true, wxAppId: value }
  return {
    ok: false,
    problem: value
      ? `WX_APPID 不是小程序 AppID（wx 加 16 位十六进制） / WX_APPID is not a mini-program AppID (wx and 16 hex digits)`
      : `缺少环境变量 WX_APPID（小程序 AppID，读取数据库安全规则需要） / Missing environment variable WX_APPID (the mini-program's AppID, which reading the database security rules needs)`,
  }
}
