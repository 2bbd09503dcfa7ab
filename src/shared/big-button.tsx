/** The app's button: NutUI's, large and full width (a thumb, not a mouse pointer). */
import type { ComponentProps } from 'react'
import { Button } from '@nutui/nutui-react-taro'

export function BigButton({ className, ...props }: ComponentProps<typeof Button>) {
  return <Button size="large" block className={`big-button ${className ?? ''}`} {...props} />
}
