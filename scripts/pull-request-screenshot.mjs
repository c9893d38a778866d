#!/usr/bin/env node
/**
 * Regenerates docs/pull-request.png, the picture of the pull request the README and
 * docs/pull-request.md show: `npm run demo` produces the real title and body (the bundled
 * command line's `--show-pull-request` against the local registry), cmark-gfm (GitHub's
 * Markdown renderer) turns the body into HTML, and headless Chromium photographs it.
 *
 * Run by hand when the body changes (`node scripts/pull-request-screenshot.mjs`), never in CI:
 * it needs Debian's chromium and cmark-gfm (`sudo apt-get install -y chromium cmark-gfm`) on
 * top of the demo's packages.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUTPUT = path.join(ROOT, 'docs/pull-request.png')
const WIDTH = 1280
/** What the demo prints before the proposal, and the heading it prints after it. */
const SECTION = /^━━ 5\. The pull request the action would open/m
const DONE = /^━━ Done/m

function need(command) {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    throw new Error(`${command} is missing: sudo apt-get install -y chromium cmark-gfm`)
  }
}

/** The title and Markdown body of the pull request the demo proposes. */
function demoPullRequest() {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/demo.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  if (run.status !== 0) throw new Error(`npm run demo exited with ${run.status}`)
  const start = run.stdout.search(SECTION)
  const end = run.stdout.search(DONE)
  if (start < 0 || end < start) throw new Error('the demo printed no pull request')
  const section = run.stdout.slice(start, end)
  const title = /^Title: (.*)$/m.exec(section)
  if (!title) throw new Error('the demo printed no pull request title')
  const body = section.slice(title.index + title[0].length).trim()
  return { title: title[1], body }
}

const escapeHtml = text =>
  text.replace(/[&<>"]/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch])

/** A page laid out like a pull request's description on GitHub, in its light theme. */
function page({ title, body }) {
  const html = execFileSync(
    'cmark-gfm',
    ['--extension', 'table', '--extension', 'tasklist', '--extension', 'autolink'],
    { input: body, encoding: 'utf8' }
  )
  return `<!doctype html>
<meta charset="utf-8">
<style>
  body { margin: 0; background: #fff; color: #1f2328;
    font: 14px/1.5 -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; }
  main { padding: 24px 32px; }
  h1.title { font-size: 26px; font-weight: 400; margin: 0 0 16px; }
  .comment { border: 1px solid #d1d9e0; border-radius: 6px; }
  .comment header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px;
    border-radius: 6px 6px 0 0; color: #59636e; }
  .markdown-body { padding: 16px; }
  .markdown-body > :first-child { margin-top: 0; }
  .markdown-body h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
  .markdown-body h3 { font-size: 1.25em; }
  .markdown-body h2, .markdown-body h3 { font-weight: 600; margin: 24px 0 16px; line-height: 1.25; }
  .markdown-body p, .markdown-body ul, .markdown-body table { margin: 0 0 16px; }
  .markdown-body a { color: #0969da; text-decoration: none; }
  .markdown-body code { font: 85% "DejaVu Sans Mono", monospace; background: #818b981f;
    padding: .2em .4em; border-radius: 6px; }
  .markdown-body table { border-collapse: collapse; }
  .markdown-body th, .markdown-body td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  .markdown-body th { font-weight: 600; }
  .markdown-body tr:nth-child(2n) { background: #f6f8fa; }
  .markdown-body ul { padding-left: 2em; }
  .markdown-body li:has(> input) { list-style: none; margin-left: -1.4em; }
</style>
<main>
  <h1 class="title">${escapeHtml(title)}</h1>
  <div class="comment">
    <header>The description the action writes (from <code>npm run demo</code>)</header>
    <div class="markdown-body">${html}</div>
  </div>
</main>
<script>document.title = String(document.documentElement.scrollHeight)</script>
`
}

/** Flags Chromium needs on a machine without a display or a network beyond loopback. */
function chromium(args, profile) {
  return execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      ...args
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
  )
}

need('chromium')
need('cmark-gfm')
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pull-request-screenshot-'))
try {
  const file = path.join(scratch, 'pull-request.html')
  fs.writeFileSync(file, page(demoPullRequest()))
  const url = `file://${file}`
  const profile = path.join(scratch, 'profile')
  // The page writes its own height into its title; the screenshot then takes exactly that.
  const dom = chromium([`--window-size=${WIDTH},800`, '--dump-dom', url], profile)
  const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1])
  if (!height) throw new Error('could not measure the rendered page')
  chromium([`--window-size=${WIDTH},${height}`, `--screenshot=${OUTPUT}`, url], profile)
  process.stdout.write(`${path.relative(ROOT, OUTPUT)}: ${WIDTH}×${height}\n`)
} finally {
  fs.rmSync(scratch, { recursive: true, force: true })
}
