/**
 * The headers every response of both hosts carries (the app, the API, photos, `/__dev/*`, refusals),
 * so that nothing served here can be framed, sniffed into another type, or run what it did not ship.
 *
 * The CSP is fitted to what the H5 build (dist/h5) loads, checked in the browser by
 * tests/e2e/security-policy.e2e.ts:
 * - scripts: its own bundles, and the one inline script of the template by hash (inlineScriptHashes);
 *   no `unsafe-eval` (zod runs jitless: types/zod-zh.ts).
 * - styles: its own CSS, plus `unsafe-inline`: Taro's router, its web components and NutUI insert
 *   `<style>` elements at run time. A style cannot run script, and with img-src, font-src and
 *   connect-src closed, injected CSS has nowhere to send what it could read.
 * - images: its own (`/files/<name>` on the local host), `data:` (icons inlined in the CSS), `blob:` (a
 *   picked photo's preview) and, on the production path, the emulated storage that serves the temp URLs
 *   (`imageOrigins`: http://127.0.0.1:<emulator port>).
 * - fonts: its own and `data:` (Taro's icon font is inlined).
 * - connect: the API on this origin, and `blob:`: an upload reads the picked photo back from its
 *   blob: URL (src/shared/upload-photo.ts).
 * - nothing else: no frames, objects, workers, `<base>`; forms post only here; nobody frames it.
 *
 * `referrer-policy: no-referrer`: a page's URL carries who she is (`?as=<openid>`) and the app never
 * needs a Referer (same-origin calls carry `x-openid`), so none is sent, not even to the storage.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface SecuritySources {
  /** `'sha256-…'` of each inline script of the app's index.html. */
  inlineScripts: string[]
  /** Origins photos are shown from besides this one. */
  imageOrigins: string[]
}

export function contentSecurityPolicy(sources: SecuritySources): string {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...sources.inlineScripts].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...sources.imageOrigins].join(' '),
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ')
}

export function securityHeaders(sources: SecuritySources): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(sources),
    // frame-ancestors says it to browsers that read CSP; this to those that do not.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  }
}

/**
 * The inline scripts of the built H5 app's index.html, as a CSP allows them: by the SHA-256 of their
 * text. Taro's template (src/index.html) inlines the script that sets the root font size before the
 * bundles load; naming its hash keeps every other inline script out, and reading it from the build
 * that is served keeps the CSP right after every rebuild without anyone copying a hash by hand.
 */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi

export function hashesOf(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((match) => match[1]!)
    .filter((text) => text.trim() !== '')
    .map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`)
}

/** The hashes of `staticDir`/index.html, read again only when the file changes; none while it is not built. */
export function inlineScriptHashes(staticDir: string): () => string[] {
  const index = join(staticDir, 'index.html')
  let seen: { mtimeMs: number; hashes: string[] } | null = null
  return () => {
    let mtimeMs: number
    try {
      mtimeMs = statSync(index).mtimeMs
    } catch {
      return []
    }
    if (seen?.mtimeMs !== mtimeMs) seen = { mtimeMs, hashes: hashesOf(readFileSync(index, 'utf8')) }
    return seen.hashes
  }
}
