// Bundles the action (and the CLI) with ncc. ncc writes dist/package.json ({"type":"module"})
// so Node treats the ESM bundle right; the licenses file is kept for redistribution.
import { execFileSync } from 'node:child_process'
import { rmSync, existsSync } from 'node:fs'

const entries = [['src/index.ts', 'dist']]
if (existsSync('src/cli.ts')) entries.push(['src/cli.ts', 'dist/cli'])
rmSync('dist', { recursive: true, force: true })
for (const [entry, out] of entries) {
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    stdio: 'inherit'
  })
}
