/**
 * The inside of one function instance, as CloudBase's Node.js runtime runs it: load the bundle once
 * (cold start), then for each invocation set the invocation's environment (WX_OPENID, TCB_SOURCE…),
 * call `main(event, context)` and hand back what it resolved to. Plain CommonJS, no dependencies:
 * it runs under the runtime's own Node binary (tools/function-runner/runtime.ts), not the host's.
 *
 * Frozen between invocations: the reply is written synchronously to fd 4 and the process stops itself
 * (SIGSTOP) in the same tick, so nothing the function left running after `main` returned — a timer, an
 * unawaited promise — runs until the next invocation thaws it (SIGCONT), as on the platform.
 *
 * Parent → instance: IPC messages `{ type: 'invoke', id, event, context, env, clock }`.
 * Instance → parent: one JSON line per message on fd 4: `ready`, `result`, `error`, `init-error`.
 */
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const REPLY_FD = 4
const bundle = process.argv[2]

function reply(message) {
  const line = Buffer.from(`${JSON.stringify(message)}\n`)
  // A pipe may take a large reply in several writes; EAGAIN means it is full: try again.
  for (let offset = 0; offset < line.length; ) {
    try {
      offset += fs.writeSync(REPLY_FD, line, offset)
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error
    }
  }
}

function freeze() {
  process.kill(process.pid, 'SIGSTOP')
}

// --- The emulated clock: every invocation says what time it is (an offset from real time, or a fixed
// instant for tests); Date reads it, so the function sees the host's /__dev/clock like a real clock.
const RealDate = Date
let clock = { mode: 'offset', offsetMs: 0 }
const nowMs = () => (clock.mode === 'fixed' ? clock.nowMs : RealDate.now() + clock.offsetMs)
globalThis.Date = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [nowMs()] : args, newTarget)
  },
  apply() {
    return new RealDate(nowMs()).toString()
  },
  get(target, property, receiver) {
    if (property === 'now') return nowMs
    return Reflect.get(target, property, receiver)
  },
})

// --- Per-invocation environment: what the previous invocation set is taken away first.
let invocationKeys = []
function setInvocationEnv(env) {
  for (const key of invocationKeys) delete process.env[key]
  invocationKeys = Object.keys(env)
  Object.assign(process.env, env)
}

function describe(error) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack }
  return { name: 'Error', message: typeof error === 'string' ? error : JSON.stringify(error) ?? String(error) }
}

let main
const started = RealDate.now()
try {
  // The runtime's working directory is the code's folder, as /var/user is on the platform.
  process.chdir(path.dirname(bundle))
  main = require(bundle).main
  if (typeof main !== 'function') throw new Error(`${bundle} exports no main function`)
  reply({ type: 'ready', initMs: RealDate.now() - started })
} catch (error) {
  reply({ type: 'init-error', error: describe(error) })
  process.exit(1)
}
freeze()

process.on('message', (message) => {
  if (!message || message.type !== 'invoke') return
  clock = message.clock
  setInvocationEnv(message.env)
  const begun = RealDate.now()
  Promise.resolve()
    .then(() => main(message.event, message.context))
    .then(
      (result) => reply({ type: 'result', id: message.id, result: result === undefined ? null : result, ms: RealDate.now() - begun }),
      (error) => reply({ type: 'error', id: message.id, error: describe(error), ms: RealDate.now() - begun }),
    )
    .then(freeze, (error) => {
      // The result could not be serialised (a cycle, a BigInt): that is the function's failure too.
      reply({ type: 'error', id: message.id, error: describe(error), ms: RealDate.now() - begun })
      freeze()
    })
})

// An uncaught error kills the instance, as on the platform; the parent fails the invocation and the
// next call starts a new (cold) instance.
process.on('uncaughtException', (error) => {
  try {
    reply({ type: 'crash', error: describe(error) })
  } finally {
    process.exit(1)
  }
})
process.on('unhandledRejection', (error) => {
  try {
    reply({ type: 'crash', error: describe(error) })
  } finally {
    process.exit(1)
  }
})
