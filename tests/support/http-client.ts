/** Speaks the hosts' fixed HTTP surface: JSON in, JSON out, the caller in `x-openid`. */
export interface HttpClient {
  post<T = unknown>(path: string, body: unknown, openid?: string): Promise<{ status: number; body: T }>
  get<T = unknown>(path: string): Promise<T>
}

export function httpClient(url: string): HttpClient {
  return {
    post: async (path, body, openid) => {
      const response = await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      })
      return { status: response.status, body: await response.json() }
    },
    get: async (path) => (await fetch(url + path)).json(),
  }
}

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

/** Calls a function as `openid` and answers its data; a failed envelope fails the test, saying why. */
export async function dataOf<T>(client: HttpClient, fn: string, openid: string, body: Record<string, unknown>): Promise<T> {
  const reply = await client.post<Envelope<T>>(`/api/${fn}`, body, openid)
  if (reply.status !== 200) throw new Error(`${fn}.${String(body.action)} as ${openid}: HTTP ${reply.status}`)
  if (!reply.body.ok) throw new Error(`${fn}.${String(body.action)} as ${openid}: ${reply.body.error.code} ${reply.body.error.message}`)
  return reply.body.data
}

/** The error an action answers; the test fails if it succeeds. */
export async function refusalOf(client: HttpClient, fn: string, openid: string, body: Record<string, unknown>) {
  const reply = await client.post<Envelope<unknown>>(`/api/${fn}`, body, openid)
  if (reply.status !== 200) throw new Error(`${fn}.${String(body.action)} as ${openid}: HTTP ${reply.status}`)
  if (reply.body.ok) throw new Error(`${fn}.${String(body.action)} as ${openid} was expected to fail`)
  return reply.body.error
}
