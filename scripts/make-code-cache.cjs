/**
 * Writes a function folder's bundle.cache (scripts/function-loader.cjs): run by the build under the
 * runtime's own Node (cloudbase-runtime-node), since V8 accepts a cache only from its own version and
 * flags. The folder's index.js is required (compiling bundle.js from source: no cache yet), `main` is
 * called with each warm-up event the build passes, and then V8 serializes what it has compiled: the
 * top level and every function those calls ran, which V8 would otherwise compile on first use.
 *
 * Usage: node make-code-cache.cjs <folder> <events as JSON array>. The environment is the build's
 * stand-in of a deployed instance's (scripts/build-functions.ts warmUpEnvironment): the warm-up reads
 * go to a service address where nothing listens, so they fail at once and reach nothing.
 */
'use strict'
const { writeFileSync } = require('node:fs')
const { join, resolve } = require('node:path')

async function makeCache(folder, events) {
  const loaded = require(join(folder, 'index.js'))
  for (const event of events) await loaded.main(event, {})
  writeFileSync(join(folder, 'bundle.cache'), loaded.createCodeCache())
}

// Exits explicitly: the SDKs' keep-alive agents and timers would otherwise hold the process open.
makeCache(resolve(process.argv[2]), JSON.parse(process.argv[3] ?? '[]')).then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
