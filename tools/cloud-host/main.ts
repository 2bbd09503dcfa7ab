/** `npm run start:cloud`: the production path on PORT (10086) with everything in DATA_DIR (./.data). */
import { LEVEL_LABELS, ROLE_LABELS, type Level } from '../../types/enums'
import { DEMO_PERSONAS } from '../../cloudfunctions/_local/seed/demo-province'
import { startCloudHost } from './cloud-host'
import { allowRemoteFromEnvironment } from '../../cloudfunctions/_local/listen-guard'

async function main() {
  const port = Number(process.env.PORT ?? 10086)
  const dataDir = process.env.DATA_DIR ?? './.data'
  const host = await startCloudHost({ port, dataDir, host: process.env.HOST ?? '127.0.0.1', allowRemote: allowRemoteFromEnvironment() })
  const orgs = new Map(host.emulator.database.find('orgs').map((doc) => [String(doc._id), doc]))

  console.log(`\n妇女议事会 "3+1" 生产路径（云函数包 + CloudBase 模拟环境）已启动：${host.url}`)
  console.log(`数据目录：${dataDir}/cloud${host.seeded ? '（已写入演示数据：辽宁省）' : ''}`)
  console.log(`云函数：${host.runner.functions.map((fn) => `${fn.name}（${fn.runtime}，${fn.timeoutMs / 1000} 秒）`).join('、')}`)
  console.log('\n演示身份（请求头 x-openid，或在页面右下角切换）：')
  for (const persona of DEMO_PERSONAS) {
    const org = orgs.get(persona.orgId)
    const where = org ? `${String(org.name)}（${LEVEL_LABELS[org.level as Level]}）` : persona.orgId
    console.log(`  ${persona.openid.padEnd(22)} ${persona.name}\t${ROLE_LABELS[persona.role]}\t${where}`)
  }
  console.log('\n按 Ctrl-C 停止。')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    console.log('\n正在停止…')
    await host.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error('生产路径启动失败：', error instanceof Error ? error.message : error)
  process.exit(1)
})
