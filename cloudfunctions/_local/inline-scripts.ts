/**
 * The inline scripts of the built H5 app's index.html, as a CSP allows them: by the SHA-256 of their
 * text. Taro's template (src/index.html) inlines the script that sets the root font size before the
 * bundles load; naming its hash keeps every other inline script out, and reading it from the build
 * that is served keeps the CSP right after every rebuild without anyone copying a hash by hand.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

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
