/** The dashboard's derived figures and how they read. */
import type { StatsFigures } from '../../../types'

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

const resolutions = (f: StatsFigures) => Object.values(f.cases.resolvedAtLevel).reduce((a, b) => a + b, 0)

/** 小事不出村: resolved at the village ÷ all resolutions. */
export function villageRate(f: StatsFigures): number | null {
  const all = resolutions(f)
  return all === 0 ? null : f.cases.resolvedAtLevel.village / all
}

/** 大事不出乡镇: resolved at the village or township ÷ all resolutions. */
export function townshipRate(f: StatsFigures): number | null {
  const all = resolutions(f)
  return all === 0 ? null : (f.cases.resolvedAtLevel.village + f.cases.resolvedAtLevel.township) / all
}

export const hours = (h: number | null) => (h === null ? '—' : h >= 48 ? `${Math.round(h / 2.4) / 10} 天` : `${h} 小时`)
