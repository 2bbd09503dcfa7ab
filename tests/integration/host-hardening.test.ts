/**
 * What a security review of the running hosts found (docs/security.md: "Photos", "Abuse and failures",
 * "What the development hosts are not"), on each host: uploads
 * judged by their bytes and held to a quota per person; malformed and oversized requests answered with
 * their 4xx envelope, before the connection closes; the security headers on every response; neither
 * host listening beyond loopback unless told to, and then saying what it trusts.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalHost } from '../../cloudfunctions/_local/local-host'
import { startCloudHost } from '../../tools/cloud-host/cloud-host'
import { silentLogger } from '../../cloudfunctions/_shared/ports/logger.port'
import { checkListenHost } from '../../cloudfunctions/_local/listen-guard'
import { ADMIN, CONVENER, MEMBER, OTHER_RESIDENT, RESIDENT } from '../support/demo'
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { parseRawResponse, rawExchange, rawRequest, type RawReply } from '../support/raw-http'

jest.setTimeout(120_000)

const PNG = readFileSync(join(__dirname, '../e2e/fixtures/streetlight.png'))
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64)])
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([60, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(56)])
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')
const MB = 1024 * 1024

interface Envelope {
  ok: boolean
  data?: { fileId: string; url: string }
  error?: { code: string; message: string }
}
const CHINESE = /[\u4e00-\u9fa5]/

/** The inline scripts of the built H5 app, as a CSP names them. */
function inlineScriptHashes(): string[] {
  const index = join('dist', 'h5', 'index.html')
  if (!existsSync(index)) return []
  const html = readFileSync(index, 'utf8')
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`,
  )
}

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  const upload = (body: Buffer, type: string | null, openid: string = RESIDENT) =>
    rawRequest(host.url, {
      method: 'POST',
      path: '/files',
      headers: { ...(type ? { 'content-type': type } : {}), 'x-openid': openid, 'content-length': String(body.length) },
      body,
    })
  const envelope = (reply: RawReply) => JSON.parse(reply.text) as Envelope
  const expectRefusal = (reply: RawReply, status: number, code: string) => {
    expect(reply.status).toBe(status)
    const body = envelope(reply)
    expect(body.ok).toBe(false)
    expect(body.error?.code).toBe(code)
    expect(body.error?.message).toMatch(CHINESE)
  }

  describe('3. an upload is judged by its bytes, not by what it says it is', () => {
    test('an HTML page sent as image/png is refused with 415 and never stored', async () => {
      expectRefusal(await upload(HTML, 'image/png'), 415, 'INVALID_INPUT')
      // Anything else that is not one of the four formats, whatever it declares.
      expectRefusal(await upload(Buffer.from('just some text, long enough to sniff'), 'image/jpeg'), 415, 'INVALID_INPUT')
      expectRefusal(await upload(Buffer.from('%PDF-1.7 a document, not a photo'), 'application/octet-stream'), 415, 'INVALID_INPUT')
    })

    test('a photo declared as another image type is refused as a mismatch', async () => {
      const reply = await upload(PNG, 'image/jpeg')
      expectRefusal(reply, 415, 'INVALID_INPUT')
      expect(envelope(reply).error?.message).toContain('PNG')
    })

    test.each([
      ['JPEG', JPEG, 'image/jpeg', 'jpg'],
      ['PNG', PNG, 'image/png', 'png'],
      ['WEBP', WEBP, 'image/webp', 'webp'],
      ['GIF', GIF, 'image/gif', 'gif'],
    ])('a %s is kept under the extension its bytes say, and served as that type', async (_, bytes, type, ext) => {
      for (const declared of [type, 'application/octet-stream', null]) {
        const reply = await upload(bytes, declared, MEMBER)
        expect(reply.status).toBe(200)
        const { fileId, url } = envelope(reply).data!
        expect(fileId).toMatch(new RegExp(`[0-9a-f]{32}\\.${ext}$`))
        const served = await fetch(new URL(url, host.url))
        expect(served.status).toBe(200)
        expect(served.headers.get('content-type')).toBe(type)
        expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)
      }
    })

    test('a served photo is never sniffed and is shown inline under its own name', async () => {
      const { url } = envelope(await upload(PNG, 'image/png')).data!
      if (kind === 'cloud') {
        // The production path serves no stored file: photos come from the storage's temp URLs.
        expect((await fetch(`${host.url}/files/${'0'.repeat(32)}.png`)).headers.get('x-content-type-options')).toBe('nosniff')
        return
      }
      const served = await fetch(new URL(url, host.url))
      const name = url.split('/').pop()!
      expect(served.headers.get('x-content-type-options')).toBe('nosniff')
      expect(served.headers.get('content-disposition')).toBe(`inline; filename="${name}"`)
    })

    test('each person may upload 30 photos an hour; the 31st is refused with 429 until the hour has passed', async () => {
      const person = 'demo-resident-quota-count'
      const accepted = []
      for (let i = 0; i < 30; i += 1) accepted.push((await upload(JPEG, 'image/jpeg', person)).status)
      expect(accepted).toEqual(Array(30).fill(200))
      const refused = await upload(JPEG, 'image/jpeg', person)
      expectRefusal(refused, 429, 'RATE_LIMITED')
      // Someone else is not held back by her uploads.
      expect((await upload(JPEG, 'image/jpeg', OTHER_RESIDENT)).status).toBe(200)
      // Refused ones do not count; an hour later she may upload again.
      await host.post('/__dev/clock', { advanceHours: 1 })
      expect((await upload(JPEG, 'image/jpeg', person)).status).toBe(200)
    })

    test('each person may upload 60 MB an hour: twelve 5 MB photos at once pass, the thirteenth is refused', async () => {
      const person = 'demo-resident-quota-bytes'
      const big = Buffer.concat([JPEG, Buffer.alloc(5 * MB - JPEG.length)])
      const burst = await Promise.all(Array.from({ length: 12 }, () => upload(big, 'image/jpeg', person)))
      // A refusal shows its envelope, so a failure says why.
      expect(burst.map((reply) => (reply.status === 200 ? 200 : `${reply.status} ${reply.text}`))).toEqual(Array(12).fill(200))
      expectRefusal(await upload(JPEG, 'image/jpeg', person), 429, 'RATE_LIMITED')
    })
  })

  describe('6. a malformed or oversized request answers its 4xx envelope', () => {
    test.each(['/%', '/%E0%A4%A', '/js/%ZZ.js'])('GET %s answers 400', async (path) => {
      expectRefusal(await rawRequest(host.url, { path }), 400, 'INVALID_INPUT')
    })

    test.each(['null', '[]', '"advance"', '7'])('POST /__dev/clock with body %s answers 400', async (body) => {
      const reply = await rawRequest(host.url, {
        method: 'POST',
        path: '/__dev/clock',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(body),
      })
      expectRefusal(reply, 400, 'INVALID_INPUT')
    })

    test.each(['null', '[]', '"me"', '7'])('POST /api/account with body %s answers an envelope, not a 500', async (body) => {
      const reply = await rawRequest(host.url, {
        method: 'POST',
        path: '/api/account',
        headers: { 'content-type': 'application/json', 'x-openid': ADMIN },
        body: Buffer.from(body),
      })
      expect(reply.status).toBeLessThan(500)
      expect(envelope(reply)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    })

    test('a request node cannot parse answers the 400 envelope', async () => {
      const raw = await rawExchange(host.url, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNot a header\r\n\r\n')
      const reply = parseRawResponse(raw)
      expectRefusal(reply, 400, 'INVALID_INPUT')
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
    })

    test.each([
      ['a 10 MB API body', '/api/account', { 'content-type': 'application/json' }, 10 * MB],
      ['a 12 MB upload', '/files', { 'content-type': 'image/jpeg' }, 12 * MB],
    ])('%s is answered 413 with the envelope, sent in full or in chunks', async (_, path, headers, size) => {
      const body = Buffer.concat([JPEG, Buffer.alloc(size - JPEG.length, 0x20)])
      for (const chunked of [false, true]) {
        const reply = await rawRequest(host.url, {
          method: 'POST',
          path,
          headers: { ...headers, 'x-openid': CONVENER, ...(chunked ? {} : { 'content-length': String(size) }) },
          body,
          chunked,
        })
        expectRefusal(reply, 413, 'INVALID_INPUT')
        expect(reply.headers.connection).toBe('close')
      }
    })

    test.each([
      ['/api/account', 'application/json', 10 * MB],
      ['/files', 'image/png', 12 * MB],
    ])('POST %s announcing an oversized body is answered at once, before the body is sent', async (path, type, size) => {
      const head =
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: ${type}\r\nx-openid: ${CONVENER}\r\n` +
        `content-length: ${size}\r\n\r\n`
      const started = Date.now()
      const reply = parseRawResponse(await rawExchange(host.url, Buffer.concat([Buffer.from(head), PNG]), 3_000))
      expect(Date.now() - started).toBeLessThan(3_000)
      expectRefusal(reply, 413, 'INVALID_INPUT')
      expect(reply.headers.connection).toBe('close')
    })
  })

  describe('7. every response carries the security headers', () => {
    const expectHeaders = (headers: Record<string, string | string[] | undefined>, what: string) => {
      const csp = String(headers['content-security-policy'] ?? '')
      expect({ what, csp: csp.length > 0 }).toEqual({ what, csp: true })
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("script-src 'self'")
      for (const hash of inlineScriptHashes()) expect(csp).toContain(hash)
      expect(csp).toMatch(/img-src 'self' data: blob:/)
      expect(csp).toContain("connect-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("base-uri 'none'")
      expect(csp).not.toContain('unsafe-eval')
      expect({ what, headers: { 'x-frame-options': headers['x-frame-options'], 'x-content-type-options': headers['x-content-type-options'], 'referrer-policy': headers['referrer-policy'] } }).toEqual({
        what,
        headers: { 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' },
      })
    }

    test('on the app, the API, files, dev routes and refusals', async () => {
      const json = { 'content-type': 'application/json', 'x-openid': ADMIN }
      const script = /src="(\/js\/[^"]+\.js)"/.exec(existsSync('dist/h5/index.html') ? readFileSync('dist/h5/index.html', 'utf8') : '')?.[1] ?? '/js/none.js'
      const requests: [string, Parameters<typeof rawRequest>[1]][] = [
        ['the app', { path: '/' }],
        ['an app route', { path: '/pages/home/index' }],
        ['a script', { path: script }],
        ['an API call', { method: 'POST', path: '/api/account', headers: json, body: Buffer.from('{"action":"me"}') }],
        ['an unknown function', { method: 'POST', path: '/api/nothing', headers: json, body: Buffer.from('{}') }],
        ['GET on the API', { path: '/api/account' }],
        ['an upload', { method: 'POST', path: '/files', headers: { 'content-type': 'image/png', 'x-openid': ADMIN }, body: PNG }],
        ['a refused upload', { method: 'POST', path: '/files', headers: { 'content-type': 'image/png', 'x-openid': ADMIN }, body: HTML }],
        ['an anonymous upload', { method: 'POST', path: '/files', headers: { 'content-type': 'image/png' }, body: PNG }],
        ['a missing photo', { path: `/files/${'0'.repeat(32)}.png` }],
        ['the clock', { path: '/__dev/clock' }],
        ['the personas', { path: '/__dev/personas' }],
        ['the outbox', { path: '/__dev/outbox' }],
        ['an unknown dev route', { path: '/__dev/nothing' }],
        ['a malformed path', { path: '/%' }],
        ['a PUT', { method: 'PUT', path: '/' }],
      ]
      for (const [what, request] of requests) expectHeaders((await rawRequest(host.url, request)).headers, what)
      const photo = envelope(await upload(PNG, 'image/png', ADMIN)).data!
      if (kind === 'local') expectHeaders((await rawRequest(host.url, { path: photo.url })).headers, 'a photo')
      const oversized = await rawRequest(host.url, {
        method: 'POST',
        path: '/api/account',
        headers: { ...json, 'content-length': String(MB) },
        body: Buffer.alloc(MB, 0x20),
      })
      expectHeaders(oversized.headers, 'an oversized body')
    })

    test('images may come from the host and data:/blob: URLs, and on the production path from the storage that serves them', async () => {
      const csp = String((await rawRequest(host.url, { path: '/' })).headers['content-security-policy'])
      const imgSrc = /img-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? []
      const { url } = envelope(await upload(PNG, 'image/png', ADMIN)).data!
      if (kind === 'cloud') {
        const storage = new URL(url).origin
        expect(storage).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
        expect(imgSrc).toEqual(["'self'", 'data:', 'blob:', storage])
      } else {
        expect(url.startsWith('/files/')).toBe(true)
        expect(imgSrc).toEqual(["'self'", 'data:', 'blob:'])
      }
    })
  })
})

describe('8. a development host listens beyond loopback only when told to, and says what that means', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fulian-listen-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  test.each(['127.0.0.1', '127.0.0.2', '::1', 'localhost'])('%s is loopback: no warning', (address) => {
    expect(checkListenHost(address, false)).toBeNull()
  })

  test.each(['0.0.0.0', '::', '192.168.1.20', 'example.org', ''])('%s is refused without ALLOW_REMOTE_DEV=1', (address) => {
    expect(() => checkListenHost(address, false)).toThrow(/ALLOW_REMOTE_DEV=1/)
    expect(() => checkListenHost(address, false)).toThrow(CHINESE)
  })

  test('with ALLOW_REMOTE_DEV=1 it is allowed, with a warning in Chinese and English of what it trusts', () => {
    const warning = checkListenHost('0.0.0.0', true)!
    expect(warning).toContain('x-openid')
    expect(warning).toContain('/__dev/')
    expect(warning).toMatch(CHINESE)
    expect(warning).toMatch(/trusts|trust/)
  })

  // Whatever goes through a host's start uses an address no machine has (TEST-NET-1, RFC 5737): were
  // the guard broken, listening there would fail instead of exposing a host.
  const UNREACHABLE = '192.0.2.1'

  test.each(HOST_KINDS)('the %s host refuses to start on a non-loopback address', async (kind) => {
    const start =
      kind === 'local'
        ? startLocalHost({ dataDir, port: 0, host: UNREACHABLE, log: silentLogger })
        : startCloudHost({ dataDir, port: 0, host: UNREACHABLE, clockBase: () => 0, timers: false, log: () => undefined })
    await expect(start).rejects.toThrow(/ALLOW_REMOTE_DEV=1/)
  })

  /** Runs an entry point (npm start / npm run start:cloud without the build step) and answers what it printed. */
  function runEntry(entry: string, env: Record<string, string>, until: RegExp): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(join('node_modules', '.bin', 'tsx'), [entry], {
        env: { ...process.env, PORT: '0', DATA_DIR: join(dataDir, entry.replace(/\W/g, '-')), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      // Never left running: stopped once it printed what the test waits for, or after 60 s.
      const stop = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')
      const timer = setTimeout(stop, 60_000)
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8')
        if (until.test(output)) stop()
      }
      child.stdout.on('data', read)
      child.stderr.on('data', read)
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code, output })
      })
    })
  }

  test.each([
    ['npm start', 'cloudfunctions/_local/host.ts'],
    ['npm run start:cloud', 'tools/cloud-host/main.ts'],
  ])('%s with a non-loopback HOST exits saying why; with ALLOW_REMOTE_DEV=1 it warns before it starts', async (_, entry) => {
    const refused = await runEntry(entry, { HOST: UNREACHABLE, ALLOW_REMOTE_DEV: '' }, /已启动|listening/)
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('ALLOW_REMOTE_DEV=1')
    expect(refused.output).toMatch(CHINESE)
    const warned = await runEntry(entry, { HOST: UNREACHABLE, ALLOW_REMOTE_DEV: '1' }, /\/__dev\/[\s\S]*\/__dev\//)
    expect(warned.output).toContain('x-openid')
    expect(warned.output).toContain('/__dev/')
    expect(warned.output).toMatch(/WARNING/)
  })
})
