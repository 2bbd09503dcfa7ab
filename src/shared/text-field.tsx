/** A text box with how much of its limit is used, and below it what is wrong with it. */
import { Input, Text, Textarea, View } from '@tarojs/components'

interface Props {
  value: string
  max: number
  placeholder: string
  error?: string
  /** Several lines, the box growing as she writes. */
  multiline?: boolean
  /** A phone number: the phone's digit keyboard (one line only). */
  digits?: boolean
  onChange: (value: string) => void
}

export function TextField({ value, max, placeholder, error, multiline, digits, onChange }: Props) {
  const box = { className: `field-box ${multiline ? 'textarea' : ''} ${error ? 'field-error' : ''}`, placeholder, maxlength: max, value }
  return (
    <View>
      {multiline ? (
        <Textarea {...box} autoHeight onInput={(e) => onChange(e.detail.value)} />
      ) : (
        <Input {...box} type={digits ? 'number' : 'text'} onInput={(e) => onChange(e.detail.value)} />
      )}
      {/* A number's length is not a count of words: 11/13 would seem to ask for two more digits. */}
      {!digits && (
        <Text className={`counter ${value.length >= max ? 'counter-full' : ''}`}>
          {/* The box takes no more at its limit: say so, or she thinks her words were lost. */}
          {value.length >= max ? `已到 ${max} 字上限，后面的字没有写进去` : `${value.length}/${max}`}
        </Text>
      )}
      {error && <Text className="error-text">{error}</Text>}
    </View>
  )
}
