/** `npm start`: the local host on PORT (10086) with SQLite in DATA_DIR (./.data). */
import { runHostCli } from './host-cli'
import { startLocalHost } from './local-host'

runHostCli({ started: '妇女议事会 "3+1" 本地环境已启动', failed: '本地环境启动失败' }, async (settings) => {
  const host = await startLocalHost({ ...settings, demoCases: true })
  return {
    ...host,
    orgs: new Map((await host.deps.store.orgs.all()).map((org) => [org.id, org])),
    about: [`数据目录：${settings.dataDir}${host.seeded ? '（已写入演示数据：辽宁省，道义街道有一条矛盾苗头预警）' : ''}`],
  }
})
