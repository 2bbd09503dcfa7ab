/**
 * The project's own source modules a bundle would contain, from esbuild's metafile: what an entry
 * imports, transitively, with packages left out (node_modules never call our ports). Type-only imports
 * do not count: esbuild drops them, as the bundle does (scripts/build-functions.ts).
 */
import { build } from 'esbuild'

export async function sourceModulesOf(entries: readonly string[]): Promise<string[]> {
  const result = await build({
    entryPoints: [...entries],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
    outdir: 'unused',
  })
  return Object.keys(result.metafile.inputs)
    .filter((file) => !file.includes('node_modules/'))
    .sort()
}
