/** Starting and stopping a host's HTTP server, the same for both hosts. */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

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
