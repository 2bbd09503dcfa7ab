/**
 * Both hosts are development hosts: they take the caller's identity from the `x-openid` header (WeChat
 * vouches for it in production; here anyone can type it) and open `/__dev/*` (the clock, the timers,
 * the outbox). On loopback only this machine can reach them. Anything else is refused unless the
 * person starting it says she means it (ALLOW_REMOTE_DEV=1), and then it says what that exposes.
 */
import { isIP } from 'node:net'

/** Addresses only this machine can reach. A name other than `localhost` could resolve to anything. */
export function isLoopback(host: string): boolean {
  const address = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (address === 'localhost') return true
  if (isIP(address) === 4) return address.startsWith('127.')
  if (isIP(address) === 6) {
    if (address === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(address)) return true
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)
    return mapped !== null && mapped[1]!.startsWith('127.')
  }
  return false
}

const refusal = (host: string) =>
  [
    `拒绝监听 ${host || '（空地址）'}：这是开发用主机，信任请求头 x-openid 中的身份，并开放 /__dev/* 接口（改时钟、跑定时任务、看消息），只应监听本机地址（127.0.0.1）。`,
    `如确需让其他机器访问，请设置 ALLOW_REMOTE_DEV=1。`,
    `Refusing to listen on ${host || '(empty address)'}: this is a development host; it trusts the x-openid header as the caller's identity and exposes /__dev/* (clock, timers, outbox). Listen on loopback (127.0.0.1), or set ALLOW_REMOTE_DEV=1 if you really mean to expose it.`,
  ].join('\n')

const warning = (host: string) =>
  [
    `警告：开发用主机正在监听 ${host}（ALLOW_REMOTE_DEV=1）。能访问这个地址的任何人都可以用请求头 x-openid 冒充任何身份，并调用 /__dev/*（改时钟、跑定时任务、看消息）。切勿用于真实数据或公网。`,
    `WARNING: development host listening on ${host} (ALLOW_REMOTE_DEV=1). Anyone who can reach it can act as anyone: it trusts the x-openid header, and it exposes /__dev/* (clock, timers, outbox). Never use it with real data or on a public network.`,
  ].join('\n')

/**
 * Decides whether a host may listen on `host`: null on loopback; the warning to print when it may listen
 * elsewhere because `allowRemote` (ALLOW_REMOTE_DEV=1) says so; otherwise throws, saying why and how.
 */
export function checkListenHost(host: string, allowRemote: boolean): string | null {
  if (isLoopback(host)) return null
  if (!allowRemote) throw new Error(refusal(host))
  return warning(host)
}

/** ALLOW_REMOTE_DEV as the hosts read it: exactly `1`. */
export const allowRemoteFromEnvironment = (env: Record<string, string | undefined> = process.env): boolean =>
  env.ALLOW_REMOTE_DEV === '1'
