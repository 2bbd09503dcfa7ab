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
