/**
 * `npm run doctor`: the check every function makes of its environment at a cold start
 * (cloudfunctions/_shared/runtime/configuration.check.ts), run here on this shell's environment —
 * the variables `npm run deploy` fills cloudbaserc.json's `{{env.…}}` from — so a missing or weak
 * setting is found before a deploy instead of by the first person using the mini-program.
 * Prints in Chinese, never a secret's value; exit 1 when something is wrong.
 */
import { CHECKED_VARIABLES, checkConfiguration, NOT_CONFIGURED_MESSAGE } from '../cloudfunctions/_shared/runtime/configuration.check'

function doctorReport(env: Record<string, string | undefined>): { ok: boolean; lines: string[] } {
  const check = checkConfiguration(env)
  const problems = check.ok ? [] : check.problems
  const lines = ['检查云函数的环境变量（读自当前环境，npm run deploy 用的也是它们）：']
  for (const { name, required, meaning } of CHECKED_VARIABLES) {
    const mine = problems.filter((p) => p.variable === name)
    if (mine.length > 0) {
      for (const { problem } of mine) lines.push(`  ✗ ${name}（${meaning}）：${problem}`)
    } else {
      const unset = env[name] === undefined || env[name] === ''
      lines.push(`  ✓ ${name}（${meaning}）${unset && !required ? '：未设置，用默认值' : ''}`)
    }
  }
  lines.push('')
  if (check.ok) {
    lines.push('配置完整，可以部署。')
  } else {
    lines.push(
      `有 ${problems.length} 处问题。这样部署，每个云函数对每次调用都只会回答「${NOT_CONFIGURED_MESSAGE}」，定时任务也不会运行。请改好后再部署。`,
    )
  }
  return { ok: check.ok, lines }
}

const { ok, lines } = doctorReport(process.env)
console.log(lines.join('\n'))
process.exitCode = ok ? 0 : 1
