/**
 * index.js of every built function folder (scripts/build-functions.ts copies this file there): loads
 * bundle.js, the function's esbuild bundle, with V8's code cache from bundle.cache when it fits, so a
 * cold start deserializes the bytecode the build compiled instead of parsing and compiling 1.7 MB.
 *
 * Correctness never depends on the cache. bundle.cache is a SHA-256 (32 bytes) of the bundle.js it was
 * made from and of the V8 data that follows it: a cache made from another bundle.js, or damaged, is not
 * offered to V8 — V8 tells sources apart only by their length and does not check its data (a damaged
 * one aborts the process) — and one V8 refuses (another V8 version, other flags) leaves V8 compiling
 * from the source as `require` would (`script.cachedDataRejected`). Either way the bundle runs as a CommonJS module in this module's place:
 * its `main` is this file's export. `codeCache` (not enumerable) says which happened: absent, mismatched, rejected or used;
 * `createCodeCache()` (not enumerable) is what the build writes to bundle.cache after warming the
 * bundle up (scripts/make-code-cache.cjs), so functions V8 compiles only when called are in it too.
 *
 * Plain CommonJS, Node's own modules only: it is what the platform's runtime `require`s.
 */
'use strict'
const { createHash } = require('node:crypto')
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const vm = require('node:vm')

const bundleFile = join(__dirname, 'bundle.js')
// The wrapper has its own line and the script starts one line early: positions in stack traces are
// bundle.js's own.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {\n'
const WRAPPER_TAIL = '\n})'
const KEY_BYTES = 32

const keyOf = (bytes, data) => createHash('sha256').update(bytes).update(data).digest()

/** The V8 data of bundle.cache if it was made from these bytes and is whole; why not otherwise. */
function cacheFor(bytes) {
  let file
  try {
    file = readFileSync(join(__dirname, 'bundle.cache'))
  } catch {
    return { unused: 'absent' }
  }
  const data = file.subarray(KEY_BYTES)
  if (file.length <= KEY_BYTES || !keyOf(bytes, data).equals(file.subarray(0, KEY_BYTES))) return { unused: 'mismatched' }
  return { data }
}

const bytes = readFileSync(bundleFile)
const { data: cachedData, unused } = cacheFor(bytes)
const script = new vm.Script(WRAPPER_HEAD + bytes.toString('utf8') + WRAPPER_TAIL, {
  filename: bundleFile,
  lineOffset: -1,
  cachedData,
})
// absent | mismatched (another bundle.js, or damaged) | rejected (by V8) | used
const codeCache = unused ?? (script.cachedDataRejected ? 'rejected' : 'used')
script.runInThisContext().call(module.exports, module.exports, require, module, bundleFile, __dirname)
Object.defineProperty(module.exports, 'codeCache', { value: codeCache, enumerable: false })
Object.defineProperty(module.exports, 'createCodeCache', {
  value: () => {
    const data = script.createCachedData()
    return Buffer.concat([keyOf(bytes, data), data])
  },
  enumerable: false,
})
