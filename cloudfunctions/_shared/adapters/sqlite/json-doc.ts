/** Most tables keep each record whole as a JSON document (`doc`), beside the columns queries use. */
export const docOf = <R>(row: { doc: string } | undefined): R | null => (row ? (JSON.parse(row.doc) as R) : null)

export const docsOf = <R>(rows: { doc: string }[]): R[] => rows.map((row) => JSON.parse(row.doc) as R)
