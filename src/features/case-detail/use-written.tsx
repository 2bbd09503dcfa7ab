/**
 * What she writes in a sheet (a reason, a note) and what is wrong with it: the text box shows the
 * problem under it until she writes again. The sheets of 提级办理, 转办 and 延期 ask the same way.
 */
import { useState } from 'react'
import { TextField } from '../../shared/text-field'

export function useWritten() {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string>()
  return {
    /** As she wrote it, trimmed. */
    text: text.trim(),
    setProblem,
    reset: () => {
      setText('')
      setProblem(undefined)
    },
    field: (placeholder: string, max: number) => (
      <TextField
        value={text}
        max={max}
        placeholder={placeholder}
        multiline
        error={problem}
        onChange={(value) => {
          setText(value)
          setProblem(undefined)
        }}
      />
    ),
  }
}
