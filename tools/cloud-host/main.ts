/** `npm run start:cloud`: the production path on PORT (10086) with everything in DATA_DIR (./.data). */
import { runHostCli } from '../../cloudfunctions/_local/host-cli'
import { startCloudHost } from './cloud-host'

runHostCli({ started: '妇女议事会 "3+1" 生产路径（云函数包 + CloudBase 模拟环境）已启动', failed: '生产路径启动失败' }, async (settings) => {
  const host = await startCloudHost({ ...settings, demoCases: true })
  const orgs = host.emulator.database.find('orgs').map((doc) => [String(doc._id), { name: String(doc.name), level: String(doc.level) }] as const)
  return {
    ...host,
    orgs: new Map(orgs),
    about: [
      `数据目录：${settings.dataDir}/cloud${host.seeded ? '（已写入演示数据：辽宁省，道义街道有一条矛盾苗头预警）' : ''}`,
      `云函数：${host.runner.functions.map((fn) => `${fn.name}（${fn.runtime}，${fn.timeoutMs / 1000} 秒）`).join('、')}`,
    ],
  }
})
