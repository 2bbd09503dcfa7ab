import { type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { configure as configureIcons } from '@nutui/icons-react-taro'
import './app.css'

// NutUI's icons draw into an <i>, which a mini-program has no template for (nothing shows): a view there.
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' })

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // An empty env id means the environment the mini-program is bound to in the console.
      const env = process.env.TARO_APP_CLOUD_ENV
      Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
    }
  })
  return children
}

export default App
