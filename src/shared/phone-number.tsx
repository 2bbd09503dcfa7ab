/** A phone number in a sentence, one tap to call it (WeChat's makePhoneCall; tel: in a browser). */
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'

export function PhoneNumber({ number }: { number: string }) {
  return (
    <Text className="phone-number tap" aria-label={`拨打 ${number}`} onClick={() => void Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined)}>
      {number}
    </Text>
  )
}
