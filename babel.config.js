// One babel config for Taro's builds and for jest (the preset targets Node when NODE_ENV=test).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        // NutUI on demand: each component and its own stylesheet, never the whole library.
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        // `name` is what customName resolved: the component's folder; its plain-CSS stylesheet sits below.
        style: (name) => `${name}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
