/**
 * What `npm start` and `npm run start:cloud` do around their host: read PORT, DATA_DIR, HOST and
 * ALLOW_REMOTE_DEV, start it, print where it is and the demo personas, stop it cleanly on Ctrl-C; and
 * how each starts and stops its HTTP server.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LEVEL_LABELS, ROLE_LABELS, type Level } from '../../types/enums'
import { allowRemoteFromEnvironment } from './listen-guard'
import { DEMO_PERSONAS } from './seed/demo-province'

export interface HostSettings {
  port: number
  dataDir: string
  host: string
  allowRemote: boolean
}

export interface StartedHost {
  url: string
  seeded: boolean
  close(): Promise<void>
  /** The org of each persona, by id, to say where she is. */
  orgs: Map<string, { name: string; level: string }>
  /** Lines about this host printed after its URL (its data folder, its functions…). */
  about: string[]
}

export function runHostCli(names: { started: string; failed: string }, start: (settings: HostSettings) => Promise<StartedHost>): void {
  const settings: HostSettings = {
    port: Number(process.env.PORT ?? 10086),
    dataDir: process.env.DATA_DIR ?? './.data',
    host: process.env.HOST ?? '127.0.0.1',
    allowRemote: allowRemoteFromEnvironment(),
  }
  start(settings).then(
    (host) => {
      console.log(`\n${names.started}：${host.url}`)
      for (const line of host.about) console.log(line)
      console.log('\n演示身份（请求头 x-openid，或在页面右下角切换）：')
      for (const persona of DEMO_PERSONAS) {
        const org = host.orgs.get(persona.orgId)
        const where = org ? `${org.name}（${LEVEL_LABELS[org.level as Level]}）` : persona.orgId
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
    },
    (error: unknown) => {
      console.error(`${names.failed}：`, error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}

/** Listens (port 0: a free one) and answers the host's base URL. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((ready, failed) => {
    server.once('error', failed)
    server.listen(port, host, ready)
  })
  return `http://${host}:${(server.address() as AddressInfo).port}`
}

/** Stops accepting and drops the open connections (a browser's keep-alive would hold close() forever). */
export function stopListening(server: Server): Promise<void> {
  return new Promise<void>((done) => {
    server.close(() => done())
    server.closeAllConnections()
  })
}
