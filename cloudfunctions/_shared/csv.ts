/**
 * CSV as Excel writes and reads it, for the export of cases (stats/cases-export.query.ts) and the
 * import of administrative divisions (account/actions/import-orgs.action.ts). Lines end in CRLF; a
 * cell with a comma, a quote or a line break is quoted. Reading takes one-line cells only.
 */

/** One CSV line, CRLF-terminated (what Excel writes). */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

// Excel runs a cell that starts with = + - @ as a formula: a report's title must never become one.
const FORMULA_START = /^[=+\-@\t\r]/

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Each line that is not blank, by its number (from 1), as its cells, trimmed and unquoted; a BOM is dropped. */
export function csvRows(text: string): { line: number; cells: string[] }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  return lines.flatMap((raw, index) => {
    if (!raw.trim()) return []
    return [{ line: index + 1, cells: raw.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '')) }]
  })
}
