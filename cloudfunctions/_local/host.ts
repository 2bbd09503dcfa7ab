/** `npm start`: the local host on PORT (10086) with SQLite in DATA_DIR (./.data). */
import { LEVEL_LABELS, ROLE_LABELS } from '../../types/enums'
import { DEMO_PERSONAS } from './seed/demo-province'
import { startLocalHost } from './local-host'
import { allowRemoteFromEnvironment } from './listen-guard'

async function main() {
  const port = Number(process.env.PORT ?? 10086)
  const dataDir = process.env.DATA_DIR ?? './.data'
  const host = await startLocalHost({ port, dataDir, host: process.env.HOST ?? '127.0.0.1', allowRemote: allowRemoteFromEnvironment() })

  console.log(`\n妇女议事会 "3+1" 本地环境已启动：${host.url}`)
  console.log(`数据目录：${dataDir}${host.seeded ? '（已写入演示数据：辽宁省）' : ''}`)
  console.log('\n演示身份（请求头 x-openid，或在页面右下角切换）：')
  for (const persona of DEMO_PERSONAS) {
    const org = await host.deps.store.orgs.get(persona.orgId)
    const where = org ? `${org.name}（${LEVEL_LABELS[org.level]}）` : persona.orgId
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
  console.error('本地环境启动失败：', error instanceof Error ? error.message : error)
  process.exit(1)
})
