#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cli_args_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6890);
/* harmony import */ var _cli_render_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4984);
/* harmony import */ var _cli_secrets_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(6483);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2973);
/* harmony import */ var _create_client_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4306);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(1135);
/* harmony import */ var _propose_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(6210);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(3629);
/* harmony import */ var _workspace_files_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(7076);
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(8330);
/**
 * The command line's edge: arguments, files, the environment, the terminal and the exit
 * status. It runs the same core as the action (runUpdate, createRegistryClient,
 * describeProposal) and never opens a pull request.
 */











// Bundled in, so the version printed is the one the bundle was built from.

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/** Bad config or a bad credentials file: like bad usage, nothing ran and nothing was written. */
class SetupError extends Error {
}
const mask = new _cli_secrets_js__WEBPACK_IMPORTED_MODULE_11__/* .SecretMask */ .f();
const out = (text) => process.stdout.write(mask.redact(text));
/** Stderr, keeping the progress line (TTY only) below whatever else is printed. */
class Stderr {
    isTTY;
    progress = '';
    lastDraw = 0;
    constructor(isTTY) {
        this.isTTY = isTTY;
    }
    line(text) {
        this.clearProgress();
        process.stderr.write(mask.redact(text.endsWith('\n') ? text : `${text}\n`));
        if (this.progress)
            process.stderr.write(this.progress);
    }
    showProgress(done, total) {
        if (!this.isTTY)
            return;
        const now = Date.now();
        // A redraw per entry is wasted on thousand-entry configs; the last one always shows.
        if (done < total && now - this.lastDraw < 50)
            return;
        this.lastDraw = now;
        this.clearProgress();
        this.progress = (0,_cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderProgress */ .EY)(done, total);
        process.stderr.write(this.progress);
    }
    endProgress() {
        this.clearProgress();
        this.progress = '';
    }
    clearProgress() {
        if (this.progress)
            process.stderr.write('\r\x1b[K');
    }
}
async function readRegistryAuthFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code ?? error.message;
        throw new SetupError(`--registry-auth-file ${path}: cannot read the file (${code})`);
    }
    try {
        const parsed = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRegistryAuth */ .bf)(text);
        for (const [host, credentials] of parsed) {
            mask.add(credentials.password);
            parsed.set(host, { ...credentials, source: `the registry auth file ${path}` });
        }
        return parsed;
    }
    catch (error) {
        if (error instanceof _credentials_js__WEBPACK_IMPORTED_MODULE_6__/* .CredentialsInputError */ .$O)
            throw new SetupError(`${path}: ${error.message}`);
        throw error;
    }
}
/** The path a pull request would change: relative to the working directory, like `git diff`. */
function repositoryPath(config) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(process.cwd(), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(config));
    return path.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? config : path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
async function run(options, stderr) {
    const registryAuth = options.registryAuthFile
        ? await readRegistryAuthFile(options.registryAuthFile)
        : new Map();
    const logger = {
        debug: message => {
            if (options.verbose)
                stderr.line(`debug: ${message}`);
        },
        info: message => stderr.line(message),
        warning: message => stderr.line(`warning: ${message}`)
    };
    const updateOptions = {
        mode: options.mode,
        configPath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.config),
        configLabel: options.config,
        defaultImage: options.image,
        defaultPlatform: options.platform,
        dryRun: options.dryRun,
        concurrency: options.concurrency,
        files: options.files,
        workspace: process.cwd()
    };
    const client = options.mode === 'update'
        ? (0,_create_client_js__WEBPACK_IMPORTED_MODULE_5__/* .createRegistryClient */ .H)({
            registryAuth,
            insecureRegistries: options.insecureRegistries,
            concurrency: options.concurrency,
            maxAttempts: options.maxAttempts,
            logger,
            onSecret: secret => mask.add(secret)
        })
        : undefined;
    let result;
    try {
        result = await (0,_update_js__WEBPACK_IMPORTED_MODULE_8__/* .runUpdate */ .PG)(updateOptions, client, logger, (done, total) => stderr.showProgress(done, total));
    }
    catch (error) {
        // A missing or broken config is bad setup, not a failed run: nothing was resolved.
        if (error instanceof _config_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL) {
            const missing = error.cause?.code === 'ENOENT';
            throw new SetupError(missing
                ? `${options.config}: config file not found; create it or pass --config`
                : error.message);
        }
        if (error instanceof _workspace_files_js__WEBPACK_IMPORTED_MODULE_9__/* .FilesPatternError */ .wD)
            throw new SetupError(error.message);
        throw error;
    }
    finally {
        stderr.endProgress();
    }
    let proposal;
    if (options.showPullRequest && options.mode === 'update') {
        proposal =
            (await (0,_propose_js__WEBPACK_IMPORTED_MODULE_7__/* .describeProposal */ .cm)(result, {
                repoPath: repositoryPath(options.config),
                configLabel: options.config,
                defaultImage: options.image,
                defaultPlatform: options.platform,
                branch: _propose_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_BRANCH */ .nU,
                branchExplicit: false,
                title: _propose_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_TITLE */ .p3,
                commitMessage: _propose_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_TITLE */ .p3,
                labels: [],
                assignees: [],
                reviewers: [],
                teamReviewers: [],
                draft: false,
                now: new Date()
            }, client, logger)) ?? null;
    }
    if (options.json) {
        out((0,_cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderJson */ .hF)(result, proposal));
    }
    else {
        const style = (0,_cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .useColor */ .by)(process.stdout.isTTY, process.env) ? _cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .COLOR */ .o$ : _cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .PLAIN */ .tZ;
        out((0,_cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)(result, { dryRun: options.dryRun, style }));
        if (proposal !== undefined)
            out((0,_cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderProposal */ .t7)(proposal, style));
    }
    const failed = result.failed.length;
    const total = result.results.length;
    return failed > 0 && (options.failOnError || failed === total) ? EXIT_FAILED : EXIT_OK;
}
async function main(argv) {
    const stderr = new Stderr(process.stderr.isTTY === true);
    let command;
    try {
        command = (0,_cli_args_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCliArgs */ .hT)(argv);
    }
    catch (error) {
        if (!(error instanceof _cli_args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb))
            throw error;
        process.stderr.write((0,_cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageError */ .GZ)(error.message));
        return EXIT_USAGE;
    }
    if (command.kind === 'help') {
        out((0,_cli_args_js__WEBPACK_IMPORTED_MODULE_2__/* .helpText */ .BK)());
        return EXIT_OK;
    }
    if (command.kind === 'version') {
        out(`${_cli_args_js__WEBPACK_IMPORTED_MODULE_2__/* .PROGRAM */ .RX} ${_package_json__WEBPACK_IMPORTED_MODULE_10__/* .version */ .rE}\n`);
        return EXIT_OK;
    }
    try {
        return await run(command.options, stderr);
    }
    catch (error) {
        stderr.line((0,_cli_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderError */ .vr)(error instanceof Error ? error.message : String(error)));
        return error instanceof SetupError ? EXIT_USAGE : EXIT_FAILED;
    }
}
process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6890:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  RX: () => (/* binding */ PROGRAM),
  eb: () => (/* binding */ UsageError),
  BK: () => (/* binding */ helpText),
  hT: () => (/* binding */ parseCliArgs)
});

// UNUSED EXPORTS: DEFAULT_CONCURRENCY, DEFAULT_CONFIG, DEFAULT_MAX_ATTEMPTS, FLAGS, MAX_CONCURRENCY, MAX_MAX_ATTEMPTS

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * The command line's flags, parsed into plain data. Pure: reading files and the environment
 * is the entry's job (src/cli.ts). Flags mirror the action's inputs one to one where they can.
 */

/** Bad usage: the entry prints the message with a hint to --help and exits 2. */
class UsageError extends Error {
    name = 'UsageError';
}
const DEFAULT_CONFIG = '.github/containers.yml';
const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 64;
const DEFAULT_MAX_ATTEMPTS = 3;
const MAX_MAX_ATTEMPTS = 10;
/** Every flag, in the order --help lists them. */
const FLAGS = {
    config: {
        type: 'string',
        short: 'c',
        value: 'path',
        help: `Config file to read and rewrite (default ${DEFAULT_CONFIG}).`
    },
    image: {
        type: 'string',
        value: 'repository',
        help: "Default repository for entries that name none (the file's top-level image wins)."
    },
    platform: {
        type: 'string',
        value: 'os/arch[/variant]',
        help: 'Default platform for entries: pin that manifest instead of the index.'
    },
    mode: {
        type: 'string',
        value: 'update|matrix',
        help: 'update (default): resolve, rewrite, report. matrix: print the committed matrix; no network.'
    },
    'dry-run': {
        type: 'boolean',
        short: 'n',
        help: 'Resolve and report; write nothing.'
    },
    concurrency: {
        type: 'string',
        value: 'n',
        help: `Requests in flight at once, 1-${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY}).`
    },
    'max-attempts': {
        type: 'string',
        value: 'n',
        help: `Attempts per request on network errors, 408, 429 and 5xx, 1-${MAX_MAX_ATTEMPTS} (default ${DEFAULT_MAX_ATTEMPTS}).`
    },
    'fail-on-error': {
        type: 'boolean',
        help: 'Exit 1 when any image cannot be resolved (the default).'
    },
    'no-fail-on-error': {
        type: 'boolean',
        help: 'Exit 1 only when no image can be resolved, as the action does by default.'
    },
    'registry-auth-file': {
        type: 'string',
        value: 'path',
        help: 'YAML or JSON map of registry host to {username, password}; read before the Docker config.'
    },
    'insecure-registry': {
        type: 'string',
        multiple: true,
        value: 'host',
        help: 'Host that may be reached over plain HTTP; repeat for several. Loopback needs none.'
    },
    files: {
        type: 'string',
        multiple: true,
        value: 'glob',
        help: 'Other files pinning the same images (Dockerfiles, compose, manifests), relative to the working directory; repeat or separate with commas.'
    },
    json: {
        type: 'boolean',
        help: 'Print one JSON object {matrix, changed, updates, failed} instead of the table.'
    },
    'show-pull-request': {
        type: 'boolean',
        help: 'Also print the pull request the action would propose: title, body and diff.'
    },
    verbose: {
        type: 'boolean',
        short: 'v',
        help: 'Print debug messages (retries, credential fallbacks) on stderr.'
    },
    version: {
        type: 'boolean',
        short: 'V',
        help: 'Print the version and exit.'
    },
    help: {
        type: 'boolean',
        short: 'h',
        help: 'Print this help and exit.'
    }
};
const PROGRAM = 'image-digest-updater';
const HELP_WIDTH = 92;
function helpText() {
    const rows = Object.entries(FLAGS).map(([name, spec]) => {
        const short = spec.short ? `-${spec.short}, ` : '    ';
        return [`  ${short}--${name}${spec.value ? ` <${spec.value}>` : ''}`, spec.help];
    });
    const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
    const wrap = (text) => {
        const lines = [];
        for (const word of text.split(' ')) {
            const last = lines.length - 1;
            if (last >= 0 && width + lines[last].length + 1 + word.length <= HELP_WIDTH)
                lines[last] += ` ${word}`;
            else
                lines.push(word);
        }
        return lines.join(`\n${' '.repeat(width)}`);
    };
    return [
        `Usage: ${PROGRAM} [options]`,
        '',
        'Resolves the current digest of every image in a containers config, rewrites the digests',
        'that moved (nothing else in the file changes) and prints what happened. Never opens a pull',
        'request.',
        '',
        'Options:',
        ...rows.map(([flag, help]) => flag.padEnd(width) + wrap(help)),
        '',
        'Credentials: --registry-auth-file, then the Docker config that `docker login` writes',
        '($DOCKER_CONFIG/config.json or ~/.docker/config.json: credHelpers, credsStore, auths),',
        'then anonymous access.',
        '',
        'Exit status: 0 when every image resolved, 1 when any could not be (its old digest is',
        'kept), 2 on bad usage or a bad config (nothing is written).',
        ''
    ].join('\n');
}
function integer(name, text, fallback, max) {
    if (text === undefined)
        return fallback;
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > max) {
        throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got "${text}"`);
    }
    return value;
}
function nonEmpty(name, text) {
    if (text === undefined)
        return undefined;
    const value = text.trim();
    if (value === '')
        throw new UsageError(`--${name} needs a value`);
    return value;
}
/** Node's messages span lines and suggest `--` tricks; one line naming the flag reads better. */
function usageFromParseError(error) {
    const { code, message } = error;
    const name = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1];
    switch (code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return new UsageError(`unknown option ${name ?? message.split('\n')[0]}`);
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return new UsageError(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`.trim());
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
            const spec = name ? FLAGS[name.replace(/^-+/, '')] : undefined;
            if (spec?.type === 'boolean')
                return new UsageError(`${name} takes no value`);
            return new UsageError(`${name ?? 'an option'} needs a value`);
        }
        default:
            return new UsageError(message.split('\n')[0] ?? message);
    }
}
function parseCliArgs(argv) {
    const options = Object.fromEntries(Object.entries(FLAGS).map(([name, spec]) => [
        name,
        {
            type: spec.type,
            multiple: spec.multiple === true,
            ...(spec.short ? { short: spec.short } : {})
        }
    ]));
    let values;
    try {
        values = (0,external_node_util_namespaceObject.parseArgs)({ args: [...argv], options, strict: true, allowPositionals: false })
            .values;
    }
    catch (error) {
        throw usageFromParseError(error);
    }
    const str = (name) => values[name];
    const bool = (name) => values[name] === true;
    if (bool('help'))
        return { kind: 'help' };
    if (bool('version'))
        return { kind: 'version' };
    const mode = str('mode')?.trim() ?? 'update';
    if (mode !== 'update' && mode !== 'matrix') {
        throw new UsageError(`--mode must be "update" or "matrix", got "${mode}"`);
    }
    if (mode === 'matrix' && bool('show-pull-request')) {
        throw new UsageError('--show-pull-request needs --mode update: matrix mode proposes nothing');
    }
    if (bool('fail-on-error') && bool('no-fail-on-error')) {
        throw new UsageError('--fail-on-error and --no-fail-on-error contradict each other');
    }
    const insecure = (values['insecure-registry'] ?? []).flatMap(text => text
        .split(',')
        .map(h => h.trim().toLowerCase())
        .filter(Boolean));
    if (values['insecure-registry']?.length && insecure.length === 0) {
        throw new UsageError('--insecure-registry needs a host');
    }
    return {
        kind: 'run',
        options: {
            mode,
            config: nonEmpty('config', str('config')) ?? DEFAULT_CONFIG,
            image: nonEmpty('image', str('image')),
            platform: nonEmpty('platform', str('platform')),
            dryRun: bool('dry-run'),
            concurrency: integer('concurrency', str('concurrency'), DEFAULT_CONCURRENCY, MAX_CONCURRENCY),
            maxAttempts: integer('max-attempts', str('max-attempts'), DEFAULT_MAX_ATTEMPTS, MAX_MAX_ATTEMPTS),
            failOnError: !bool('no-fail-on-error'),
            registryAuthFile: nonEmpty('registry-auth-file', str('registry-auth-file')),
            insecureRegistries: insecure,
            files: (values.files ?? []).flatMap(text => text
                .split(/[\n,]/)
                .map(glob => glob.trim())
                .filter(Boolean)),
            json: bool('json'),
            showPullRequest: bool('show-pull-request'),
            verbose: bool('verbose')
        }
    };
}


/***/ }),

/***/ 4984:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ renderProgress),
/* harmony export */   GZ: () => (/* binding */ renderUsageError),
/* harmony export */   bo: () => (/* binding */ renderTable),
/* harmony export */   by: () => (/* binding */ useColor),
/* harmony export */   hF: () => (/* binding */ renderJson),
/* harmony export */   o$: () => (/* binding */ COLOR),
/* harmony export */   t7: () => (/* binding */ renderProposal),
/* harmony export */   tZ: () => (/* binding */ PLAIN),
/* harmony export */   vr: () => (/* binding */ renderError)
/* harmony export */ });
/* unused harmony exports shortDigest, jsonReport */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8286);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6890);


const sgr = (open, close) => (text) => text === '' ? text : `\x1b[${open}m${text}\x1b[${close}m`;
const COLOR = {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    red: sgr(31, 39)
};
const identity = (text) => text;
const PLAIN = {
    bold: identity,
    dim: identity,
    green: identity,
    yellow: identity,
    red: identity
};
/** Colour only for a terminal, and never when NO_COLOR is set to anything but the empty string. */
function useColor(isTTY, env) {
    return isTTY === true && !env.NO_COLOR;
}
/** The first 12 hex digits, as `docker images` shows them: enough to tell digests apart. */
function shortDigest(digest) {
    return digest.replace(/^sha256:/, '').slice(0, 12);
}
const STATUS_TEXT = {
    updated: 'updated',
    pinned: 'pinned',
    unchanged: 'unchanged',
    failed: 'failed',
    'as-committed': 'as committed'
};
function statusStyle(status, style) {
    if (status === 'updated' || status === 'pinned')
        return style.green;
    if (status === 'failed')
        return style.red;
    if (status === 'unchanged')
        return style.dim;
    return identity;
}
function digestCell(r) {
    const previous = r.previous ? shortDigest(r.previous) : 'unpinned';
    switch (r.status) {
        case 'updated':
        case 'pinned':
            return `${previous} → ${shortDigest(r.current)}`;
        case 'failed':
            return `${previous} (kept)`;
        default:
            return r.current ? shortDigest(r.current) : 'unpinned';
    }
}
function referenceCell(r) {
    const reference = (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatImageReference */ .my)({ ...r.entry.reference, digest: undefined });
    return r.entry.platform ? `${reference} (${r.entry.platform.text})` : reference;
}
/** Columns padded on the plain text, so escape codes never disturb the alignment. */
function columns(rows, gap = 2) {
    const widths = [];
    for (const row of rows) {
        row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell.text].length)));
    }
    return rows.map(row => row
        .map((cell, i) => {
        const last = i === row.length - 1;
        const padding = last ? '' : ' '.repeat(widths[i] - [...cell.text].length + gap);
        return (cell.paint ?? identity)(cell.text) + padding;
    })
        .join(''));
}
function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
function outcomeLine(result, dryRun) {
    const file = result.config.file;
    if (result.mode === 'matrix')
        return `Matrix from ${file} as committed; no registry was asked.`;
    if (!result.changed) {
        return result.failed.length === result.results.length
            ? `Nothing was written to ${file}.`
            : `Every digest in ${file} that could be checked is current.`;
    }
    const moved = plural(result.updates.length, 'digest', 'digests');
    const others = result.pinnedFiles.map(f => f.path);
    const also = others.length > 0 ? ` and ${others.join(', ')}` : '';
    if (result.written)
        return `Wrote ${moved} to ${file}${also}.`;
    return dryRun
        ? `Dry run: ${moved} would change in ${file}${also}; nothing was written.`
        : `${moved} would change in ${file}${also}.`;
}
/** The table for a terminal: name, reference, previous → current, status; then what it meant. */
function renderTable(result, options) {
    const style = options.style ?? PLAIN;
    if (result.results.length === 0)
        return `No entries in ${result.config.file}.\n`;
    const header = ['NAME', 'REFERENCE', 'PREVIOUS → CURRENT', 'STATUS'].map(text => ({
        text,
        paint: style.bold
    }));
    const rows = result.results.map(r => [
        { text: r.entry.name },
        { text: referenceCell(r) },
        { text: digestCell(r) },
        { text: STATUS_TEXT[r.status], paint: statusStyle(r.status, style) }
    ]);
    const lines = columns([header, ...rows]).map(line => line.trimEnd());
    const counts = new Map();
    for (const r of result.results) {
        counts.set(STATUS_TEXT[r.status], (counts.get(STATUS_TEXT[r.status]) ?? 0) + 1);
    }
    const tally = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
    lines.push('', `${plural(result.results.length, 'entry', 'entries')}: ${tally}.`);
    lines.push(outcomeLine(result, options.dryRun));
    if (result.failed.length > 0) {
        lines.push('', `${plural(result.failed.length, 'entry', 'entries')} could not be resolved and kept ${result.failed.length === 1 ? 'its' : 'their'} previous digest:`);
        for (const f of result.failed)
            lines.push(`  ${style.red('✗')} ${f.name}: ${f.error}`);
    }
    return lines.join('\n') + '\n';
}
/** The action's outputs as one object, with `changed` a boolean rather than the output's string. */
function jsonReport(result, proposal) {
    const report = {
        matrix: result.matrix,
        changed: result.changed,
        updates: result.updates,
        failed: result.failed
    };
    if (proposal !== undefined)
        report.pull_request = proposal;
    return report;
}
function renderJson(result, proposal) {
    return JSON.stringify(jsonReport(result, proposal), null, 2) + '\n';
}
function paintDiff(diff, style) {
    return diff
        .split('\n')
        .map(line => {
        if (line.startsWith('+++') || line.startsWith('---'))
            return style.bold(line);
        if (line.startsWith('@@'))
            return style.dim(line);
        if (line.startsWith('+'))
            return style.green(line);
        if (line.startsWith('-'))
            return style.red(line);
        return line;
    })
        .join('\n');
}
/** The pull request the action would propose: title, Markdown body as GitHub receives it, diff. */
function renderProposal(proposal, style = PLAIN) {
    const rule = style.dim('─'.repeat(72));
    if (!proposal) {
        return `\n${rule}\nNo digest moved, so the action would open or update no pull request.\n`;
    }
    return [
        '',
        rule,
        style.bold('Pull request the action would propose'),
        rule,
        `${style.bold('Title:')} ${proposal.title}`,
        '',
        proposal.body.replace(/\n+$/, ''),
        '',
        rule,
        paintDiff(proposal.diff.replace(/\n$/, ''), style),
        ''
    ].join('\n');
}
function renderProgress(done, total) {
    return `resolved ${done}/${total}`;
}
function renderUsageError(message) {
    return `${_args_js__WEBPACK_IMPORTED_MODULE_1__/* .PROGRAM */ .RX}: ${message} (see ${_args_js__WEBPACK_IMPORTED_MODULE_1__/* .PROGRAM */ .RX} --help)\n`;
}
function renderError(message) {
    return `${_args_js__WEBPACK_IMPORTED_MODULE_1__/* .PROGRAM */ .RX}: ${message}\n`;
}


/***/ }),

/***/ 6483:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ SecretMask)
/* harmony export */ });
/**
 * A terminal has no runner to mask secrets, so the command line masks them itself: every
 * password and token the credential store or the token exchange learns is replaced in
 * everything printed, as `core.setSecret` does in the action's log.
 */
class SecretMask {
    secrets = new Set();
    add(secret) {
        if (secret.trim() === '')
            return;
        this.secrets.add(secret);
        // The JSON report escapes quotes and backslashes; mask that spelling too.
        this.secrets.add(JSON.stringify(secret).slice(1, -1));
    }
    redact(text) {
        let out = text;
        // Longest first, so a secret that contains another is masked whole.
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
            out = out.split(secret).join('***');
        }
        return out;
    }
}


/***/ }),

/***/ 2973:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ rewriteDigests),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export MAX_CONFIG_BYTES */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8815);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2187);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8286);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3728);
/**
 * The containers config: parse and validate with source positions, and rewrite digest
 * values in place. Knows nothing of HTTP or GitHub.
 *
 * The rewrite splices new digest text into the original source at the scalar's byte
 * range instead of re-serialising the YAML document, so comments, quoting, key order,
 * blank lines and line endings stay exactly as the user wrote them.
 */




const TOP_LEVEL_KEYS = new Set(['image', 'containers']);
const TAG_KEYS = ['tag', 'image_tag'];
const DIGEST_KEYS = ['digest', 'current_sha'];
const NAME_KEYS = ['name', 'target'];
/**
 * Far above any real config (a thousand entries take about 150 KB), and small enough that
 * a hostile or runaway file costs no noticeable time or memory to refuse.
 */
const MAX_CONFIG_BYTES = 1024 * 1024;
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]/g;
/** Control characters from the file, written as escapes: a message stays on one line. */
function escapeControls(text) {
    const named = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return text.replace(LINE_BREAKING, c => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
class ConfigError extends Error {
    file;
    position;
    field;
    name = 'ConfigError';
    detail;
    constructor(file, position, field, detail, options) {
        const where = position ? `${file}:${position.line}:${position.col}` : file;
        // Values quoted from the file may hold any character.
        const safe = escapeControls(detail);
        super(`${where}: ${field ? `${field}: ` : ''}${safe}`, options);
        this.file = file;
        this.position = position;
        this.field = field;
        this.detail = safe;
    }
}
/** A key as a field name in messages: as written when plain, else quoted with escapes. */
function shownKey(key) {
    if (/^[A-Za-z0-9_<>.-]{1,64}$/.test(key))
        return key;
    const quoted = JSON.stringify(key);
    return quoted.length > 66 ? `${quoted.slice(0, 65)}…` : quoted;
}
function fieldPath(index, key) {
    return key === undefined ? `containers[${index}]` : `containers[${index}].${shownKey(key)}`;
}
function parseConfig(file, bytes, options = {}) {
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.length;
    if (size > MAX_CONFIG_BYTES) {
        throw new ConfigError(file, undefined, undefined, `is ${size} bytes; a config may be at most ${MAX_CONFIG_BYTES} bytes (1 MiB)`);
    }
    const text = typeof bytes === 'string' ? bytes : decodeUtf8(file, bytes);
    const hasBom = text.startsWith('\uFEFF');
    const source = hasBom ? text.slice(1) : text;
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // YAML allows tab, line feed and carriage return among the C0 controls, and not DEL.
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(source);
    let doc;
    try {
        // Duplicate keys are reported below, with the field they belong to.
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(source, {
            lineCounter,
            keepSourceTokens: true,
            prettyErrors: false,
            uniqueKeys: false
        });
    }
    catch (error) {
        if (error instanceof RangeError)
            throw tooDeep(file);
        throw error;
    }
    const at = (offset) => offset === undefined ? undefined : lineCounter.linePos(offset);
    const lineOf = (pair) => at(pair.key.range?.[0])?.line ?? 0;
    if (control) {
        const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        throw new ConfigError(file, at(control.index), undefined, `contains the control character U+${code}, which YAML does not allow; remove it`);
    }
    const fail = (node, field, detail) => {
        const range = node && 'range' in node ? node.range : undefined;
        const keyRange = node && 'key' in node && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node.key) ? node.key.range : undefined;
        throw new ConfigError(file, at((range ?? keyRange)?.[0]), field, detail);
    };
    const firstError = doc.errors[0];
    if (firstError) {
        const pos = lineCounter.linePos(firstError.pos[0]);
        throw new ConfigError(file, pos, undefined, `invalid YAML: ${yamlErrorDetail(firstError)}`);
    }
    const root = doc.contents;
    if (root === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(root) && root.value === null)) {
        throw new ConfigError(file, { line: 1, col: 1 }, undefined, 'is empty; expected a mapping with a `containers:` list at the top level');
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        return fail(root, undefined, 'expected a mapping with a `containers:` list at the top level');
    }
    const seenTopLevel = new Map();
    let fileImage;
    let containers;
    for (const pair of root.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined || !TOP_LEVEL_KEYS.has(key)) {
            fail(pair.key, key === undefined ? undefined : shownKey(key), `unknown top-level key; expected only ${[...TOP_LEVEL_KEYS].map(k => `\`${k}\``).join(' and ')}`);
        }
        const earlier = seenTopLevel.get(key);
        if (earlier)
            fail(pair.key, key, `appears twice (also on line ${lineOf(earlier)})`);
        seenTopLevel.set(key, pair);
        if (key === 'image')
            fileImage = scalarString(pair.value, 'image');
        if (key === 'containers')
            containers = pair.value;
    }
    if (!containers || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(containers)) {
        return fail(containers ?? root, 'containers', 'expected a list of images under `containers:`');
    }
    function scalarString(node, field) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
            fail(node, field, 'aliases are not supported here; write the value out');
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
            return fail(node, field, `expected a string, got ${describeValue(node)}`);
        }
        // A plain `3.20` or an all-digit digest parses as a number; the text as written is what the user meant.
        if (typeof node.value === 'number' && typeof node.source === 'string')
            return node.source;
        return String(node.value);
    }
    const entries = [];
    const digestSlots = [];
    const defaultImage = fileImage ?? options.defaultImage;
    const seen = new Map();
    const digestStyle = detectDigestStyle(containers.items);
    const readEntry = (item, index) => {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(item))
            fail(item, fieldPath(index), 'aliases are not supported for entries; write the entry out');
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item))
            return fail(item, fieldPath(index), 'expected a mapping (image, tag, digest, …)');
        const map = item;
        const pairs = new Map();
        for (const pair of map.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
                fail(pair.key ?? item, fieldPath(index), 'keys must be plain strings');
            const key = String(pair.key.value);
            const alias = firstAlias(pair.value);
            if (alias)
                fail(alias, fieldPath(index, key), 'aliases are not supported; write the value out');
            const earlier = pairs.get(key);
            if (earlier) {
                fail(pair.key, fieldPath(index, key), `appears twice (also on line ${lineOf(earlier)})`);
            }
            pairs.set(key, pair);
        }
        const one = (keys) => {
            const found = keys.filter(k => pairs.has(k));
            if (found.length > 1) {
                fail(pairs.get(found[1]), fieldPath(index, found[1]), `set only one of ${found.map(k => `\`${k}\``).join(' and ')}`);
            }
            return found[0] === undefined ? undefined : [found[0], pairs.get(found[0])];
        };
        const imagePair = pairs.get('image');
        const imageText = imagePair
            ? scalarString(imagePair.value, fieldPath(index, 'image'))
            : defaultImage;
        if (imageText === undefined || imageText.trim() === '') {
            return fail(item, fieldPath(index, 'image'), 'no repository: set `image` on the entry, a top-level `image:`, or the action input `image`');
        }
        let reference;
        try {
            reference = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageReference */ .o_)(imageText);
        }
        catch (error) {
            if (!(error instanceof _reference_js__WEBPACK_IMPORTED_MODULE_2__/* .ReferenceError */ .AF))
                throw error;
            return fail(imagePair?.value ?? item, fieldPath(index, 'image'), error.message);
        }
        if (reference.digest) {
            return fail(imagePair?.value ?? item, fieldPath(index, 'image'), 'put the digest under `digest`, not in `image`');
        }
        const tagField = one(TAG_KEYS);
        let tag = reference.tag;
        if (tagField) {
            const [key, pair] = tagField;
            tag = scalarString(pair.value, fieldPath(index, key));
            if (reference.tag !== undefined && reference.tag !== tag) {
                fail(pair.value, fieldPath(index, key), `tag "${tag}" differs from the tag in image "${imageText}"`);
            }
            if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidTag */ .r_)(tag))
                fail(pair.value, fieldPath(index, key), `invalid tag "${tag}"`);
        }
        if (tag === undefined) {
            return fail(item, fieldPath(index, 'tag'), 'missing tag: set `tag` (or `image_tag`) on the entry');
        }
        let platform;
        const platformPair = pairs.get('platform');
        const platformText = platformPair
            ? scalarString(platformPair.value, fieldPath(index, 'platform'))
            : options.defaultPlatform;
        if (platformText) {
            try {
                platform = (0,_platform_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePlatform */ .FL)(platformText);
            }
            catch (error) {
                return fail(platformPair?.value ?? item, fieldPath(index, 'platform'), error.message);
            }
        }
        const nameField = one(NAME_KEYS);
        const name = nameField
            ? scalarString(nameField[1].value, fieldPath(index, nameField[0]))
            : `${imageText}:${tag}${platform ? ` (${platform.text})` : ''}`;
        const digestField = one(DIGEST_KEYS);
        let digest;
        let digestKey = digestStyle.key;
        let digestForm = digestStyle.form;
        if (digestField) {
            const [key, pair] = digestField;
            const node = pair.value;
            const field = fieldPath(index, key);
            const isEmpty = node === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && (node.value === null || node.value === ''));
            digestKey = key;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
                fail(node, field, 'write the digest as a plain or quoted string, not a block scalar');
            }
            if (!isEmpty) {
                const raw = scalarString(node, field);
                const parsed = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStoredDigest */ .r4)(raw);
                if (!parsed) {
                    fail(node, field, `malformed digest ${shownValue(raw)}: expected sha256:<64 lower-case hex> or the 64 hex digits alone`);
                }
                digest = parsed.digest;
                digestForm = parsed.form;
            }
            else {
                digestForm = key === 'current_sha' ? 'bare' : 'prefixed';
            }
            digestSlots.push(replaceSlot(node, pair, source, fail, field));
        }
        else {
            const tagPair = tagField?.[1] ?? imagePair;
            digestSlots.push(insertSlot(map, tagPair, source, digestKey));
        }
        const identity = `${name}\u0000${reference.registry}/${reference.repository}:${tag}\u0000${platform?.text ?? ''}`;
        const previous = seen.get(identity);
        if (previous !== undefined) {
            fail(item, fieldPath(index), `duplicate of containers[${previous}] (same name, image, tag and platform)`);
        }
        seen.set(identity, index);
        const fields = map.toJSON();
        if (tagField)
            fields[tagField[0]] = tag;
        entries.push({
            index,
            name,
            image: imageText,
            reference: { ...reference, tag },
            platform,
            digest,
            digestKey,
            digestForm,
            fields,
            line: lineCounter.linePos(item.range?.[0] ?? 0).line
        });
    };
    try {
        containers.items.forEach(readEntry);
    }
    catch (error) {
        // Deeply nested free fields can exhaust the stack when walked or converted.
        if (error instanceof RangeError)
            throw tooDeep(file);
        throw error;
    }
    return { file, source, hasBom, entries, digestSlots };
}
function decodeUtf8(file, bytes) {
    try {
        // ignoreBOM keeps a byte order mark in the text, so the rewrite can write it back.
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        // Falls through to find where, for the message.
    }
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new ConfigError(file, { line: 1, col: 1 }, undefined, 'is UTF-16 text; save it as UTF-8');
    }
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    const position = { line: lines.length, col: [...lines[lines.length - 1]].length + 1 };
    const byte = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
    throw new ConfigError(file, position, undefined, `is not valid UTF-8 (byte 0x${byte} here); save it as UTF-8`);
}
/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes) {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let i = 0; i < bytes.length;) {
        const b = bytes[i];
        const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : 4;
        try {
            strict.decode(bytes.subarray(i, i + length));
        }
        catch {
            return i;
        }
        i += length;
    }
    return bytes.length - 1;
}
function tooDeep(file) {
    return new ConfigError(file, undefined, undefined, 'nests too deeply to be read');
}
/** The parser's messages, reworded where they speak of its API rather than of the file. */
function yamlErrorDetail(error) {
    if (error.code === 'MULTIPLE_DOCS')
        return 'the file holds more than one document (a second `---`); keep one';
    const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
    if (/call stack/i.test(detail))
        return 'the file nests too deeply to be read';
    return detail;
}
function describeValue(node) {
    if (node === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null))
        return 'nothing';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
        return 'a list';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return 'a mapping';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.value === 'boolean')
        return `the boolean ${String(node.value)} (quote it if you mean the text)`;
    return 'another kind of value';
}
/** A value quoted for a message: escapes shown, long values cut. */
function shownValue(value) {
    const quoted = JSON.stringify(value);
    return quoted.length > 150 ? `${quoted.slice(0, 149)}…` : quoted;
}
/** The first alias inside a value, at any depth: aliases would pass through as nonsense. */
function firstAlias(node) {
    if (node === null)
        return undefined;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
        return node;
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(node, {
        Alias(_key, alias) {
            found = alias;
            return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
        }
    });
    return found;
}
/** New entries follow the convention the file already uses for its digests. */
function detectDigestStyle(items) {
    for (const item of items) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item))
            continue;
        for (const key of DIGEST_KEYS) {
            const value = item.get(key);
            const parsed = typeof value === 'string' ? (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStoredDigest */ .r4)(value) : undefined;
            if (parsed)
                return { key, form: parsed.form };
        }
    }
    return { key: 'digest', form: 'prefixed' };
}
function replaceSlot(node, pair, source, fail, field) {
    const afterColon = () => {
        const colon = source.indexOf(':', pair.key.range[1]);
        return { kind: 'replace', start: colon + 1, end: colon + 1, quote: '' };
    };
    // `digest:` with nothing after it: the value goes right after the colon.
    if (node === null)
        return afterColon();
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return fail(node, field, 'expected a string');
    const [start, end] = node.range;
    // `digest: # pin me`: the parser places the empty value where the comment starts, and a
    // digest written there would swallow the comment into the value.
    if (node.type === 'PLAIN' && start === end)
        return afterColon();
    switch (node.type) {
        case 'PLAIN':
            // An empty plain value (`digest: ~`, `digest: null`) is replaced whole.
            return { kind: 'replace', start, end, quote: '' };
        case 'QUOTE_DOUBLE':
            return { kind: 'replace', start, end, quote: '"' };
        case 'QUOTE_SINGLE':
            return { kind: 'replace', start, end, quote: "'" };
        default:
            return fail(node, field, 'write the digest as a plain or quoted string, not a block scalar');
    }
}
function insertSlot(map, after, source, key) {
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    const anchorPair = after ?? map.items[map.items.length - 1];
    const valueEnd = anchorPair.value?.range?.[1] ?? anchorPair.key.range[1];
    if (map.flow) {
        return { kind: 'insert', at: valueEnd, prefix: `, ${key}`, separator: ': ' };
    }
    const firstKey = map.items[0].key;
    const lineStart = source.lastIndexOf('\n', firstKey.range[0] - 1) + 1;
    const column = firstKey.range[0] - lineStart;
    let lineEnd = source.indexOf('\n', valueEnd);
    if (lineEnd === -1)
        lineEnd = source.length;
    else if (source[lineEnd - 1] === '\r')
        lineEnd -= 1;
    return {
        kind: 'insert',
        at: lineEnd,
        prefix: `${eol}${' '.repeat(column)}${key}`,
        separator: ': '
    };
}
/**
 * Returns the config text with the given entries' digests replaced (or inserted).
 * Everything outside the digest values stays byte for byte.
 */
function rewriteDigests(config, newDigests) {
    const edits = [];
    for (const [index, digest] of newDigests) {
        const entry = config.entries[index];
        const slot = config.digestSlots[index];
        if (!entry || !slot)
            throw new Error(`no config entry ${index}`);
        const stored = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .formatStoredDigest */ .Dp)(digest, entry.digestForm);
        if (slot.kind === 'replace') {
            const text = `${slot.start === slot.end ? ' ' : ''}${slot.quote}${stored}${slot.quote}`;
            edits.push({ start: slot.start, end: slot.end, text });
        }
        else {
            edits.push({ start: slot.at, end: slot.at, text: `${slot.prefix}${slot.separator}${stored}` });
        }
    }
    // One pass over the source: splicing each edit into the whole text would copy it once per
    // entry, which for a 1000-entry config cost more than parsing it.
    edits.sort((a, b) => a.start - b.start);
    const parts = [config.hasBom ? '\uFEFF' : ''];
    let copied = 0;
    for (const edit of edits) {
        parts.push(config.source.slice(copied, edit.start), edit.text);
        copied = edit.end;
    }
    parts.push(config.source.slice(copied));
    return parts.join('');
}


/***/ }),

/***/ 4306:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  H: () => (/* binding */ createRegistryClient)
});

// EXTERNAL MODULE: ./src/credentials.ts + 1 modules
var credentials = __nccwpck_require__(1135);
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_namespaceObject.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_namespaceObject.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./src/helper-runner.ts

/**
 * Docker credential helpers (`docker-credential-ecr-login`, `-gcloud`, …) are separate
 * programs by design, so a subprocess is the right tool; their output holds secrets and
 * is never echoed.
 */
const runCredentialHelper = async (helper, serverUrl) => {
    const { exitCode, stdout } = await getExecOutput(`docker-credential-${helper}`, ['get'], {
        input: Buffer.from(serverUrl),
        silent: true,
        ignoreReturnCode: true
    });
    if (exitCode !== 0)
        throw new Error(`docker-credential-${helper} exited with ${exitCode}`);
    return stdout;
};

// EXTERNAL MODULE: ./src/digest.ts
var src_digest = __nccwpck_require__(2187);
// EXTERNAL MODULE: ./src/platform.ts
var src_platform = __nccwpck_require__(3728);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __nccwpck_require__(8286);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
/**
 * `WWW-Authenticate` parsing (RFC 7235). A header may carry several challenges, and a
 * quoted `scope` may itself contain commas, so a naive split on `,` is wrong.
 */
const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const SPACE = /[ \t]*/y;
function parseWwwAuthenticate(header) {
    const challenges = [];
    let pos = 0;
    const skip = () => {
        SPACE.lastIndex = pos;
        SPACE.exec(header);
        pos = SPACE.lastIndex;
    };
    const token = () => {
        TOKEN.lastIndex = pos;
        const m = TOKEN.exec(header);
        if (!m)
            return undefined;
        pos = TOKEN.lastIndex;
        return m[0];
    };
    const quoted = () => {
        let out = '';
        pos++; // opening quote
        while (pos < header.length && header[pos] !== '"') {
            if (header[pos] === '\\' && pos + 1 < header.length)
                pos++;
            out += header[pos];
            pos++;
        }
        pos++; // closing quote
        return out;
    };
    while (pos < header.length) {
        skip();
        if (header[pos] === ',') {
            pos++;
            continue;
        }
        const scheme = token();
        if (!scheme)
            break;
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skip();
            const start = pos;
            const name = token();
            skip();
            if (!name || header[pos] !== '=') {
                // Not an auth-param: the start of the next challenge (or token68 / end).
                pos = start;
                break;
            }
            pos++;
            skip();
            const value = header[pos] === '"' ? quoted() : (token() ?? '');
            challenge.params[name.toLowerCase()] = value;
            skip();
            if (header[pos] === ',')
                pos++;
            else
                break;
        }
    }
    return challenges;
}

// EXTERNAL MODULE: ./src/registry/hosts.ts + 1 modules
var hosts = __nccwpck_require__(9908);
// EXTERNAL MODULE: ./src/registry/http.ts
var http = __nccwpck_require__(8851);
// EXTERNAL MODULE: ./src/registry/untrusted.ts
var untrusted = __nccwpck_require__(5545);
;// CONCATENATED MODULE: ./src/registry/auth.ts




const TOKEN_BODY_LIMIT = 64 * 1024;
const ERROR_BODY_LIMIT = 64 * 1024;
/** Scopes per token request: keeps URLs and tokens to a size every token service takes. */
const SCOPES_PER_TOKEN_REQUEST = 25;
const TOKEN_REFRESH_MARGIN_MS = 5_000;
/**
 * Token services that live on another host than their registry, by registry API host. Only
 * these, besides the registry's own host, may receive the registry's credentials: a parent
 * domain proves nothing on multi-tenant domains (`attacker.azurecr.io` is not `myreg.azurecr.io`).
 * Each entry needs a public source saying the registry sends its clients there:
 * - Docker Hub: https://docs.docker.com/reference/api/registry/auth/ (realm `https://auth.docker.io/token`)
 * - GitLab.com: https://docs.gitlab.com/administration/packages/container_registry/ (the realm is
 *   GitLab's own `/jwt/auth`; for `registry.gitlab.com` that is `https://gitlab.com/jwt/auth`)
 */
const KNOWN_TOKEN_HOSTS = {
    'registry-1.docker.io': ['auth.docker.io'],
    'docker.io': ['auth.docker.io'],
    'registry.gitlab.com': ['gitlab.com']
};
/**
 * Whether the registry's credentials may be sent to the token service at `realm`: only to the
 * registry's own host (and port), or to a token service listed for it in KNOWN_TOKEN_HOSTS,
 * over HTTPS and never to a loopback, private or link-local address unless that is the
 * registry itself. Plain HTTP only to the registry's own host, when it may use plain HTTP.
 */
function credentialsMayGoToRealm(apiHost, realm, 
/** Takes `host[:port]`, as URL.host gives it. */
mayUsePlainHttp) {
    const realmHost = realm.host.toLowerCase();
    const registryHost = apiHost.toLowerCase();
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:')
        return { allowed: false, why: 'it is not HTTP(S)' };
    if (realm.protocol === 'http:' && !(realmHost === registryHost && mayUsePlainHttp(realm.host))) {
        return { allowed: false, why: 'it is plain HTTP' };
    }
    if (realmHost === registryHost)
        return { allowed: true };
    if ((0,hosts/* isPrivateHost */.Sf)(realm.host))
        return { allowed: false, why: 'it is a loopback or private address' };
    if (KNOWN_TOKEN_HOSTS[registryHost]?.includes(realmHost))
        return { allowed: true };
    return {
        allowed: false,
        why: `it is another host, not a known token service of ${registryHost}`
    };
}
class RegistrySession {
    registry;
    apiHost;
    transport;
    credentialSource;
    onSecret;
    baseUrl;
    challenge;
    credentials;
    usingFallback = false;
    tokens = new Map();
    pendingTokens = new Map();
    /** Why the credentials were kept from the token service, once they were. */
    withheld;
    constructor(options) {
        this.registry = options.registry;
        this.apiHost = options.apiHost;
        this.transport = options.transport;
        this.credentialSource = options.credentials;
        this.onSecret = options.onSecret;
    }
    /** `https://host` (or `http://` for a loopback / insecure registry that has no TLS). */
    url(path) {
        this.baseUrl ??= this.ping();
        return this.baseUrl.then(base => `${base}${path}`);
    }
    async ping() {
        const attempt = async (scheme) => this.transport.request({
            method: 'GET',
            url: `${scheme}://${this.apiHost}/v2/`,
            maxBodyBytes: ERROR_BODY_LIMIT
        });
        let base = `https://${this.apiHost}`;
        let response;
        try {
            response = await attempt('https');
        }
        catch (error) {
            if (!(error instanceof http/* RegistryError */.gl) ||
                (error.kind !== 'network' && error.kind !== 'tls') ||
                !this.transport.mayUsePlainHttp(this.apiHost)) {
                throw error;
            }
            base = `http://${this.apiHost}`;
            response = await attempt('http');
        }
        if (response.status === 401) {
            this.learnChallenge(response);
        }
        else if (response.status >= 500 || response.status === 429) {
            throw new http/* RegistryError */.gl('http', `registry ${this.registry} answered ${response.status} to GET /v2/`, response.status);
        }
        else if (response.status !== 200) {
            // Some registries guard /v2/ differently from repositories; learn from the first 401 instead.
            this.transport.logger.debug(`GET ${base}/v2/ answered ${response.status}; continuing without a challenge`);
        }
        return base;
    }
    learnChallenge(response) {
        const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
        this.challenge =
            challenges.find(c => c.scheme === 'bearer') ?? challenges.find(c => c.scheme === 'basic');
    }
    getCredentials() {
        this.credentials ??= this.credentialSource.lookup(this.registry);
        return this.credentials;
    }
    /** Describes the credentials in use, for error messages. */
    async credentialsDescription() {
        const creds = await this.getCredentials();
        return creds && !this.withheld ? `credentials from ${creds.source}` : 'anonymous access';
    }
    /** Set when the credentials were not sent to the token service: says which and why. */
    withheldCredentials() {
        return this.withheld;
    }
    /** Fetches tokens for many repositories in few requests, before the per-image requests start. */
    async prefetch(repositories) {
        await this.url('/v2/');
        if (this.challenge?.scheme !== 'bearer')
            return;
        const missing = [...new Set(repositories)].filter(r => !this.validToken(r) && !this.pendingTokens.has(r));
        const batches = [];
        for (let i = 0; i < missing.length; i += SCOPES_PER_TOKEN_REQUEST) {
            batches.push(missing.slice(i, i + SCOPES_PER_TOKEN_REQUEST));
        }
        await Promise.all(batches.map(batch => {
            const pending = this.fetchToken(batch.map(r => pullScope(r)), batch, batch.length > 1);
            for (const r of batch)
                this.pendingTokens.set(r, pending);
            return pending
                .finally(() => {
                for (const r of batch)
                    this.pendingTokens.delete(r);
            })
                .catch(error => {
                // A failed batch is retried one scope at a time when each image is resolved.
                this.transport.logger.debug(`batched token request failed: ${error.message}`);
            });
        }));
    }
    validToken(repository) {
        const token = this.tokens.get(repository);
        return token && token.expiresAt - TOKEN_REFRESH_MARGIN_MS > this.transport.clock.now()
            ? token
            : undefined;
    }
    /** The Authorization header for a request on `repository`, if the registry wants one. */
    async authorization(repository) {
        await this.url('/v2/');
        const challenge = this.challenge;
        if (!challenge)
            return {};
        if (challenge.scheme === 'basic') {
            const creds = await this.getCredentials();
            return creds ? { Authorization: basicHeader(creds) } : {};
        }
        const pending = this.pendingTokens.get(repository);
        if (pending)
            await pending.catch(() => undefined);
        let token = this.validToken(repository);
        if (!token) {
            await this.singleScopeToken(repository, pullScope(repository));
            token = this.validToken(repository);
        }
        return token ? { Authorization: token.header } : {};
    }
    singleScopeToken(repository, scope) {
        let pending = this.pendingTokens.get(repository);
        if (!pending) {
            pending = this.fetchToken([scope], [repository], false).finally(() => this.pendingTokens.delete(repository));
            this.pendingTokens.set(repository, pending);
        }
        return pending;
    }
    /**
     * After a 401/403 on `repository`: decides whether a retry with other authorization
     * can help, and prepares it. Returns false when nothing more can be tried.
     */
    async renew(repository, response) {
        const hadChallenge = this.challenge !== undefined;
        if (response.status === 401)
            this.learnChallenge(response);
        const challenge = this.challenge;
        if (!challenge)
            return false;
        const cached = this.tokens.get(repository);
        if (challenge.scheme === 'bearer') {
            if (!hadChallenge || cached?.batched) {
                // The batched token did not cover this repository: ask for it alone.
                this.tokens.delete(repository);
                const scope = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '').find(c => c.scheme === 'bearer')?.params.scope;
                await this.singleScopeToken(repository, scope && scope.includes(`:${repository}:`) ? scope : pullScope(repository));
                return true;
            }
        }
        else if (!hadChallenge) {
            return (await this.getCredentials()) !== undefined;
        }
        if (await this.switchToFallback()) {
            this.tokens.clear();
            return true;
        }
        return false;
    }
    async switchToFallback() {
        if (this.usingFallback)
            return false;
        const current = await this.getCredentials();
        if (current)
            return false;
        const fallback = this.credentialSource.fallback(this.registry);
        if (!fallback)
            return false;
        this.usingFallback = true;
        this.credentials = Promise.resolve(fallback);
        this.transport.logger.debug(`${this.registry} refused anonymous access; retrying with ${fallback.source}`);
        return true;
    }
    async fetchToken(scopes, repositories, batched) {
        const challenge = this.challenge;
        const realmText = challenge.params.realm;
        if (!realmText)
            throw new http/* RegistryError */.gl('invalid-response', `${this.registry} sent a Bearer challenge without a realm`);
        let realm;
        try {
            realm = new URL(realmText);
        }
        catch {
            throw new http/* RegistryError */.gl('invalid-response', `${this.registry} sent a Bearer challenge with an invalid realm`);
        }
        if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
            throw new http/* RegistryError */.gl('invalid-response', `${this.registry} sent a token realm that is not HTTP(S)`);
        }
        if (realm.username !== '' || realm.password !== '') {
            // Not ours to use, and fetch would refuse it anyway, quoting it in the error.
            throw new http/* RegistryError */.gl('invalid-response', `${this.registry} sent a token realm with credentials in its URL; refusing to use it`);
        }
        if (realm.protocol === 'http:' && !this.transport.mayUsePlainHttp(realm.host)) {
            throw new http/* RegistryError */.gl('insecure', `${this.registry} points its token service at plain-HTTP ${(0,untrusted/* untrustedText */.U)((0,http/* redactUrl */.BO)(realm.href), 200)}; add the host to insecure-registries if that is intended`);
        }
        const url = new URL(realm.href);
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const headers = {};
        const creds = await this.getCredentials();
        if (creds) {
            const verdict = credentialsMayGoToRealm(this.apiHost, realm, h => this.transport.mayUsePlainHttp(h));
            if (verdict.allowed) {
                headers.Authorization = basicHeader(creds);
            }
            else if (!this.withheld) {
                this.withheld = `${creds.source} was not sent to token service ${realm.host} because ${verdict.why}`;
                this.transport.logger.warning(`${this.registry}: not sending ${creds.source} to token service ${realm.host} because ${verdict.why}; asking for an anonymous token instead`);
            }
        }
        const response = await this.transport.request({
            method: 'GET',
            url: url.href,
            headers,
            maxBodyBytes: TOKEN_BODY_LIMIT
        });
        if (response.status === 401 || response.status === 403) {
            if (!headers.Authorization && (await this.switchToFallback())) {
                return this.fetchToken(scopes, repositories, batched);
            }
            throw new http/* RegistryError */.gl(response.status === 401 ? 'unauthorized' : 'denied', `token service ${realm.host} refused ${headers.Authorization ? `credentials from ${creds.source}` : 'anonymous access'} for ${repositories.length === 1 ? repositories[0] : `${repositories.length} repositories`} (HTTP ${response.status})${this.withheld && !headers.Authorization ? `; ${this.withheld}` : ''}`, response.status);
        }
        if (response.status !== 200) {
            throw new http/* RegistryError */.gl(response.status === 429 ? 'rate-limited' : 'http', `token service ${realm.host} answered HTTP ${response.status}`, response.status);
        }
        let body;
        try {
            body = JSON.parse(response.body.toString('utf8'));
        }
        catch {
            throw new http/* RegistryError */.gl('invalid-response', `token service ${realm.host} answered something that is not JSON`);
        }
        const token = typeof body.token === 'string' && body.token !== '' ? body.token : body.access_token;
        if (typeof token !== 'string' || token === '' || !/^[\x21-\x7e]+$/.test(token)) {
            throw new http/* RegistryError */.gl('invalid-response', `token service ${realm.host} answered without a usable token`);
        }
        this.onSecret?.(token);
        const expiresIn = typeof body.expires_in === 'number' && body.expires_in >= 60 ? body.expires_in : 60;
        const entry = {
            header: `Bearer ${token}`,
            expiresAt: this.transport.clock.now() + expiresIn * 1000,
            batched
        };
        for (const repository of repositories)
            this.tokens.set(repository, entry);
    }
}
function pullScope(repository) {
    return `repository:${repository}:pull`;
}
function basicHeader(creds) {
    return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
}

;// CONCATENATED MODULE: ./src/registry/client.ts






const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json'
};
/**
 * All four in one header: with fewer, distribution 2.8 answers 404 for OCI content or
 * silently converts a manifest list to a schema1 manifest with a different digest.
 */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerList,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerManifest
].join(', ');
const KNOWN_MEDIA_TYPES = new Set(Object.values(MEDIA_TYPES));
const INDEX_TYPES = new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
const MANIFEST_LIMIT = 4 * 1024 * 1024;
const BLOB_LIMIT = 4 * 1024 * 1024;
const client_ERROR_BODY_LIMIT = 64 * 1024;
class RegistryClient {
    options;
    transport;
    sessions = new Map();
    resolutions = new Map();
    /** Manifests by digest: content-addressed, so one fetch serves every later use. */
    manifests = new Map();
    rateLimitWarned = new Set();
    constructor(options) {
        this.options = options;
        this.transport = new http/* HttpTransport */.G5(options);
    }
    session(registry) {
        let session = this.sessions.get(registry);
        if (!session) {
            session = new RegistrySession({
                registry,
                apiHost: (0,reference/* registryApiHost */.Mb)(registry),
                transport: this.transport,
                credentials: this.options.credentials,
                onSecret: this.options.onSecret
            });
            this.sessions.set(registry, session);
        }
        return session;
    }
    /** Pings every registry and fetches tokens for all repositories in batched requests. */
    async prepare(refs) {
        const byRegistry = new Map();
        for (const ref of refs) {
            const list = byRegistry.get(ref.registry) ?? [];
            list.push(ref.repository);
            byRegistry.set(ref.registry, list);
        }
        await Promise.all([...byRegistry].map(([registry, repositories]) => 
        // A registry that cannot be reached fails each of its entries later, with its own message.
        this.session(registry)
            .prefetch(repositories)
            .catch(() => undefined)));
    }
    /**
     * The current digest of `ref`'s tag, or of its `platform` manifest; identical requests share
     * one answer. A digest that differs from `pinned` is about to be written, so when it came
     * from a HEAD header it is verified first: the manifest is fetched by that digest and its
     * bytes must hash to it. A registry that names a digest it cannot serve fails the entry.
     */
    async resolveDigest(ref, platform, pinned) {
        const key = `${ref.registry}/${ref.repository}:${ref.tag}|${platform?.text ?? ''}`;
        let pending = this.resolutions.get(key);
        if (!pending) {
            pending = platform ? this.resolvePlatform(ref, platform) : this.resolveTag(ref);
            this.resolutions.set(key, pending);
        }
        const { digest, mediaType, verified } = await pending;
        if (!verified && digest !== pinned)
            await this.verifyTagDigest(ref, digest);
        return { digest, mediaType };
    }
    async verifyTagDigest(ref, digest) {
        try {
            await this.fetchManifest(ref, digest);
        }
        catch (error) {
            if (error instanceof http/* RegistryError */.gl && error.kind === 'not-found') {
                throw new http/* RegistryError */.gl('digest-mismatch', `${describe(ref)}: ${ref.registry} names ${digest} for tag "${ref.tag}", but has no manifest with that digest`, error.status);
            }
            throw error;
        }
    }
    async resolveTag(ref) {
        const head = await this.send(ref, 'HEAD', `/manifests/${encodeURIComponent(ref.tag)}`, {
            Accept: MANIFEST_ACCEPT
        });
        if (head.status === 200) {
            const mediaType = checkMediaType(ref, head);
            const claimed = head.headers.get('docker-content-digest')?.trim();
            if (claimed && (0,src_digest/* isDigest */.Bc)(claimed))
                return { digest: claimed, mediaType, verified: false };
            // No usable digest header (a SHOULD in spec 1.1): hash the exact bytes instead.
        }
        else if (head.status !== 404 && head.status !== 405 && head.status !== 501) {
            throw await this.explain(ref, head);
        }
        const manifest = await this.fetchManifest(ref, ref.tag);
        return { digest: manifest.digest, mediaType: manifest.mediaType, verified: true };
    }
    async resolvePlatform(ref, platform) {
        const manifest = await this.fetchManifest(ref, ref.tag);
        // The index's bytes were hashed, and its digests name their manifests' bytes in turn.
        if (INDEX_TYPES.has(manifest.mediaType))
            return { ...selectPlatform(ref, manifest, platform), verified: true };
        const config = await this.fetchConfig(ref, manifest);
        const actual = {
            os: config.os,
            architecture: config.architecture,
            variant: config.variant
        };
        if (!(0,src_platform/* platformMatches */.J5)(platform, actual)) {
            throw new http/* RegistryError */.gl('platform', `${describe(ref)} is a single ${(0,src_platform/* formatPlatform */.Bq)(actual)} image, not a multi-platform index with ${platform.text}`);
        }
        return { digest: manifest.digest, mediaType: manifest.mediaType, verified: true };
    }
    /**
     * The labels and annotations of the image behind `digest`: for an index, those of its
     * `platform` manifest, merged over the index's own annotations. Costs GET requests, so
     * it is only used for digests that moved.
     */
    async imageLabels(ref, digest, platform) {
        let manifest = await this.fetchManifest(ref, digest);
        const labels = { ...stringRecord(manifest.json.annotations) };
        if (INDEX_TYPES.has(manifest.mediaType)) {
            const chosen = selectPlatform({ ...ref, tag: digest }, manifest, platform);
            manifest = await this.fetchManifest(ref, chosen.digest);
            Object.assign(labels, stringRecord(manifest.json.annotations));
        }
        const config = await this.fetchConfig(ref, manifest);
        return Object.assign(labels, stringRecord(config.config?.Labels));
    }
    /** GETs a manifest by tag or digest and checks that its bytes hash to the digest the registry claims. */
    fetchManifest(ref, reference) {
        if (!(0,src_digest/* isDigest */.Bc)(reference))
            return this.getManifest(ref, reference);
        const key = `${ref.registry}/${ref.repository}@${reference}`;
        let pending = this.manifests.get(key);
        if (!pending) {
            pending = this.getManifest(ref, reference);
            this.manifests.set(key, pending);
            // A failure may be transient: only what was verified is kept.
            pending.catch(() => this.manifests.delete(key));
        }
        return pending;
    }
    async getManifest(ref, reference) {
        if (reference.includes(':') && !(0,src_digest/* isDigest */.Bc)(reference)) {
            throw new http/* RegistryError */.gl('invalid-response', `refusing to request malformed digest ${JSON.stringify(reference)}`);
        }
        const response = await this.send(ref, 'GET', `/manifests/${encodeURIComponent(reference)}`, {
            Accept: MANIFEST_ACCEPT
        });
        const tagRef = { ...ref, tag: reference };
        if (response.status !== 200)
            throw await this.explain(tagRef, response);
        const mediaType = checkMediaType(tagRef, response);
        const digest = (0,src_digest/* sha256Digest */.sI)(response.body);
        const claimed = response.headers.get('docker-content-digest')?.trim();
        if (claimed && claimed !== digest) {
            throw new http/* RegistryError */.gl('digest-mismatch', `${describe(tagRef)}: the registry claims digest ${(0,untrusted/* untrustedText */.U)(claimed, 80)} but the manifest bytes hash to ${digest}`);
        }
        if ((0,src_digest/* isDigest */.Bc)(reference) && reference !== digest) {
            throw new http/* RegistryError */.gl('digest-mismatch', `${describe(tagRef)}: the manifest bytes hash to ${digest}`);
        }
        let json;
        try {
            json = JSON.parse(response.body.toString('utf8'));
        }
        catch {
            throw new http/* RegistryError */.gl('invalid-response', `${describe(tagRef)}: the manifest is not valid JSON`);
        }
        if (json === null || typeof json !== 'object') {
            throw new http/* RegistryError */.gl('invalid-response', `${describe(tagRef)}: the manifest is not a JSON object`);
        }
        return { digest, mediaType, json };
    }
    /** GETs a blob by digest (following redirects to storage without credentials) and verifies it. */
    async fetchBlob(ref, digest) {
        if (!(0,src_digest/* isDigest */.Bc)(digest))
            throw new http/* RegistryError */.gl('invalid-response', `refusing to request malformed digest ${JSON.stringify(digest)}`);
        const response = await this.send(ref, 'GET', `/blobs/${digest}`, {});
        if (response.status !== 200)
            throw await this.explain({ ...ref, tag: digest }, response);
        if ((0,src_digest/* sha256Digest */.sI)(response.body) !== digest) {
            throw new http/* RegistryError */.gl('digest-mismatch', `${describe({ ...ref, tag: digest })}: blob bytes do not match their digest`);
        }
        return response.body;
    }
    async fetchConfig(ref, manifest) {
        const digest = manifest.json.config?.digest;
        if (typeof digest !== 'string') {
            throw new http/* RegistryError */.gl('invalid-response', `${describe({ ...ref, tag: manifest.digest })}: manifest has no config`);
        }
        const blob = await this.fetchBlob(ref, digest);
        try {
            return JSON.parse(blob.toString('utf8'));
        }
        catch {
            throw new http/* RegistryError */.gl('invalid-response', `${describe({ ...ref, tag: digest })}: image config is not JSON`);
        }
    }
    async send(ref, method, path, headers) {
        const session = this.session(ref.registry);
        const url = await session.url(`/v2/${ref.repository}${path}`);
        const maxBodyBytes = path.startsWith('/blobs/') ? BLOB_LIMIT : MANIFEST_LIMIT;
        const attempt = async () => this.transport.request({
            method,
            url,
            headers: { ...headers, ...(await session.authorization(ref.repository)) },
            maxBodyBytes
        });
        let response = await attempt();
        if ((response.status === 401 || response.status === 403) &&
            (await session.renew(ref.repository, response))) {
            response = await attempt();
        }
        this.noteRateLimit(ref.registry, response);
        return response;
    }
    noteRateLimit(registry, response) {
        const remaining = response.headers.get('ratelimit-remaining');
        const limit = response.headers.get('ratelimit-limit');
        if (!remaining || !limit || this.rateLimitWarned.has(registry))
            return;
        const left = Number.parseInt(remaining, 10);
        const total = Number.parseInt(limit, 10);
        if (Number.isFinite(left) && Number.isFinite(total) && left <= Math.max(5, total * 0.1)) {
            this.rateLimitWarned.add(registry);
            this.transport.logger.warning(`${registry}: only ${left} of ${total} pulls left in the current rate-limit window`);
        }
    }
    /** Turns a non-200 answer into an error that says what is wrong and what to try. */
    async explain(ref, response) {
        const session = this.session(ref.registry);
        let code;
        if (response.body.length > 0 && response.body.length <= client_ERROR_BODY_LIMIT) {
            try {
                const parsed = JSON.parse(response.body.toString('utf8'));
                code = (0,untrusted/* registryErrorCode */.V)(parsed.errors?.[0]?.code);
            }
            catch {
                // Not a registry error document; the status says enough.
            }
        }
        const status = response.status;
        const where = describe(ref);
        switch (status) {
            case 404: {
                if (code === 'NAME_UNKNOWN') {
                    return new http/* RegistryError */.gl('not-found', `${where}: repository ${ref.repository} not found on ${ref.registry}`, 404);
                }
                return new http/* RegistryError */.gl('not-found', `${where}: tag "${ref.tag}" not found on ${ref.registry}`, 404);
            }
            case 401:
            case 403: {
                const withheld = session.withheldCredentials();
                const advice = withheld
                    ? withheld
                    : 'the image may be private or not exist: add credentials with registry-auth or docker login';
                return new http/* RegistryError */.gl(status === 401 ? 'unauthorized' : 'denied', `${where}: ${ref.registry} refused ${await session.credentialsDescription()} (HTTP ${status}${code ? ` ${code}` : ''}); ${advice}`, status);
            }
            case 429: {
                const retryAfter = response.headers.get('retry-after');
                return new http/* RegistryError */.gl('rate-limited', `${where}: ${ref.registry} rate limit reached (HTTP 429${retryAfter ? `, retry after ${(0,untrusted/* untrustedText */.U)(retryAfter, 40)}` : ''}); authenticate or lower concurrency`, 429);
            }
            default:
                return new http/* RegistryError */.gl('http', `${where}: ${ref.registry} answered HTTP ${status}${code ? ` ${code}` : ''}`, status);
        }
    }
}
function selectPlatform(ref, index, platform) {
    const candidates = (index.json.manifests ?? []).filter(d => !isAttestation(d));
    const match = candidates.find(d => (0,src_platform/* platformMatches */.J5)(platform, d.platform));
    if (!match) {
        const offered = (0,untrusted/* untrustedText */.U)(candidates.map(d => (0,src_platform/* formatPlatform */.Bq)(d.platform)).join(', '), 200) || 'none';
        throw new http/* RegistryError */.gl('platform', `${describe(ref)} has no ${platform.text} manifest (the index offers ${offered})`);
    }
    if (typeof match.digest !== 'string' || !(0,src_digest/* isDigest */.Bc)(match.digest)) {
        throw new http/* RegistryError */.gl('invalid-response', `${describe(ref)}: the index lists a malformed digest for ${platform.text}`);
    }
    return { digest: match.digest, mediaType: match.mediaType ?? MEDIA_TYPES.ociManifest };
}
function stringRecord(value) {
    const out = {};
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value))
            if (typeof v === 'string')
                out[k] = v;
    }
    return out;
}
function isAttestation(d) {
    return (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
        (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown'));
}
function checkMediaType(ref, response) {
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!KNOWN_MEDIA_TYPES.has(mediaType)) {
        throw new http/* RegistryError */.gl('invalid-response', `${describe(ref)}: unexpected content type "${(0,untrusted/* untrustedText */.U)(mediaType, 100) || 'none'}" for a manifest`);
    }
    return mediaType;
}
function describe(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag.startsWith('sha256:') ? '@' : ':'}${ref.tag}`;
}

;// CONCATENATED MODULE: ./src/create-client.ts
/**
 * One way to build a registry client from user settings, shared by the action and the CLI
 * so that both read credentials, mask secrets and honour insecure hosts identically.
 */



function createRegistryClient(settings) {
    return new RegistryClient({
        credentials: new credentials/* CredentialStore */.L5({
            registryAuth: settings.registryAuth,
            runHelper: runCredentialHelper,
            githubToken: settings.githubToken,
            onSecret: settings.onSecret,
            onWarning: message => settings.logger.warning(message)
        }),
        onSecret: settings.onSecret,
        concurrency: settings.concurrency,
        maxAttempts: settings.maxAttempts,
        timeoutMs: settings.requestTimeoutMs,
        insecureHosts: new Set(settings.insecureRegistries.map(h => h.toLowerCase())),
        logger: settings.logger
    });
}


/***/ }),

/***/ 1135:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  L5: () => (/* binding */ CredentialStore),
  $O: () => (/* binding */ CredentialsInputError),
  bf: () => (/* binding */ parseRegistryAuth)
});

// UNUSED EXPORTS: canonicalRegistryKey, defaultDockerConfigPath

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __nccwpck_require__(8286);
;// CONCATENATED MODULE: ./src/credentials.ts
/**
 * Where registry credentials come from, in order: the `registry-auth` input, then the
 * Docker config that `docker login` / `docker/login-action` leave behind (`auths`,
 * `credHelpers`, `credsStore`). The GitHub token is kept apart as a fallback for GHCR,
 * used only when anonymous pull is refused.
 */





class CredentialsInputError extends Error {
    name = 'CredentialsInputError';
}
/** Docker Hub appears under many names in config files; all mean the same registry. */
function canonicalRegistryKey(key) {
    let host = key.trim().toLowerCase();
    host = host.replace(/^[a-z]+:\/\//, '');
    host = host.split('/')[0] ?? host;
    if (host === 'index.docker.io' || host === 'registry-1.docker.io' || host === 'docker.io')
        return reference/* DOCKER_HUB */.Xb;
    return host;
}
function dockerHelperServerUrl(registry) {
    return registry === reference/* DOCKER_HUB */.Xb ? 'https://index.docker.io/v1/' : registry;
}
/** Parses the `registry-auth` input: a YAML or JSON map of host → {username, password}. */
function parseRegistryAuth(text) {
    const result = new Map();
    if (text.trim() === '')
        return result;
    let data;
    try {
        data = (0,dist/* parse */.qg)(text);
    }
    catch {
        // The parser's message may quote the input, which holds passwords.
        throw new CredentialsInputError('registry-auth is not valid YAML or JSON');
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new CredentialsInputError('registry-auth must be a map of registry host to {username, password}');
    }
    for (const [host, value] of Object.entries(data)) {
        const v = value;
        if (!v ||
            typeof v !== 'object' ||
            typeof v.username !== 'string' ||
            typeof v.password !== 'string') {
            throw new CredentialsInputError(`registry-auth entry "${host}" must have string fields username and password`);
        }
        result.set(canonicalRegistryKey(host), {
            username: v.username,
            password: v.password,
            source: 'the registry-auth input'
        });
    }
    return result;
}
function defaultDockerConfigPath(env = process.env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_namespaceObject.homedir)(), '.docker'), 'config.json');
}
class CredentialStore {
    options;
    dockerConfig;
    cache = new Map();
    constructor(options = {}) {
        this.options = options;
        for (const c of options.registryAuth?.values() ?? [])
            options.onSecret?.(c.password);
        if (options.githubToken)
            options.onSecret?.(options.githubToken);
    }
    lookup(registry) {
        const key = canonicalRegistryKey(registry);
        let found = this.cache.get(key);
        if (!found) {
            found = this.find(key);
            this.cache.set(key, found);
        }
        return found;
    }
    fallback(registry) {
        if (canonicalRegistryKey(registry) !== 'ghcr.io' || !this.options.githubToken)
            return undefined;
        return {
            username: 'x-access-token',
            password: this.options.githubToken,
            source: 'the token input'
        };
    }
    async find(registry) {
        const explicit = this.options.registryAuth?.get(registry);
        if (explicit)
            return explicit;
        const path = this.options.dockerConfigPath ?? defaultDockerConfigPath();
        this.dockerConfig ??= readDockerConfig(path, this.options.onWarning);
        const config = await this.dockerConfig;
        if (!config)
            return undefined;
        const helper = Object.entries(config.credHelpers ?? {}).find(([k]) => canonicalRegistryKey(k) === registry)?.[1] ?? config.credsStore;
        if (helper) {
            const fromHelper = await this.fromHelper(helper, registry);
            if (fromHelper)
                return fromHelper;
        }
        const entry = Object.entries(config.auths ?? {}).find(([k]) => canonicalRegistryKey(k) === registry)?.[1];
        if (!entry)
            return undefined;
        let username = entry.username;
        let password = entry.password;
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0) {
                username = decoded.slice(0, colon);
                password = decoded.slice(colon + 1);
            }
        }
        if (!username || !password) {
            if (entry.identitytoken) {
                this.options.onWarning?.(`${path}: ${registry} uses an identity token, which is not supported; use a password or access token`);
            }
            return undefined;
        }
        this.options.onSecret?.(password);
        return { username, password, source: `the Docker config ${path}` };
    }
    async fromHelper(helper, registry) {
        if (!/^[a-zA-Z0-9_.-]+$/.test(helper)) {
            this.options.onWarning?.(`ignoring Docker credential helper with an unsafe name "${helper}"`);
            return undefined;
        }
        const run = this.options.runHelper;
        if (!run)
            return undefined;
        let output;
        try {
            output = await run(helper, dockerHelperServerUrl(registry));
        }
        catch {
            // Helpers exit non-zero for "no credentials for this server": that is not an error.
            return undefined;
        }
        let parsed;
        try {
            parsed = JSON.parse(output);
        }
        catch {
            this.options.onWarning?.(`docker-credential-${helper} answered something that is not JSON for ${registry}`);
            return undefined;
        }
        if (typeof parsed.Username !== 'string' ||
            typeof parsed.Secret !== 'string' ||
            parsed.Secret === '') {
            return undefined;
        }
        this.options.onSecret?.(parsed.Secret);
        if (parsed.Username === '<token>') {
            this.options.onWarning?.(`docker-credential-${helper} gave an identity token for ${registry}, which is not supported`);
            return undefined;
        }
        return {
            username: parsed.Username,
            password: parsed.Secret,
            source: `docker-credential-${helper}`
        };
    }
}
async function readDockerConfig(path, onWarning) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        return JSON.parse(text);
    }
    catch {
        onWarning?.(`${path} is not valid JSON; ignoring it`);
        return undefined;
    }
}


/***/ }),

/***/ 2187:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   Dp: () => (/* binding */ formatStoredDigest),
/* harmony export */   r4: () => (/* binding */ parseStoredDigest),
/* harmony export */   sI: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* unused harmony export DIGEST_PATTERN */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** The only digest form this tool ever writes or puts into a URL. */
const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
function isDigest(value) {
    return DIGEST_PATTERN.test(value);
}
function sha256Digest(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
function parseStoredDigest(value) {
    if (/^[a-f0-9]{64}$/.test(value))
        return { digest: `sha256:${value}`, form: 'bare' };
    if (DIGEST_PATTERN.test(value))
        return { digest: value, form: 'prefixed' };
    return undefined;
}
function formatStoredDigest(digest, form) {
    if (!isDigest(digest))
        throw new Error(`refusing to store malformed digest ${JSON.stringify(digest)}`);
    return form === 'bare' ? digest.slice('sha256:'.length) : digest;
}


/***/ }),

/***/ 3728:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   J5: () => (/* binding */ platformMatches)
/* harmony export */ });
const PART = /^[a-z0-9_.-]+$/;
function parsePlatform(input) {
    const parts = input.trim().toLowerCase().split('/');
    if (parts.length < 2 || parts.length > 3 || !parts.every(p => PART.test(p))) {
        throw new Error(`invalid platform "${input}": expected os/architecture[/variant], like linux/arm64 or linux/arm/v7`);
    }
    const [os, architecture, variant] = parts;
    return { os, architecture, variant, text: parts.join('/') };
}
/** arm64 manifests often omit their `v8` variant; arm without a variant means v7. */
function normalisedVariant(architecture, variant) {
    if (architecture === 'arm64' && (variant === undefined || variant === 'v8'))
        return 'v8';
    if (architecture === 'arm' && variant === undefined)
        return 'v7';
    return variant;
}
function platformMatches(wanted, candidate) {
    if (!candidate || candidate.os !== wanted.os || candidate.architecture !== wanted.architecture)
        return false;
    if (wanted.variant === undefined && wanted.architecture !== 'arm')
        return true;
    return (normalisedVariant(wanted.architecture, wanted.variant) ===
        normalisedVariant(candidate.architecture, candidate.variant));
}
function formatPlatform(p) {
    if (!p || !p.os)
        return 'unknown';
    return [p.os, p.architecture ?? 'unknown', p.variant].filter(Boolean).join('/');
}


/***/ }),

/***/ 6210:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  nU: () => (/* binding */ DEFAULT_BRANCH),
  p3: () => (/* binding */ DEFAULT_TITLE),
  cm: () => (/* binding */ describeProposal)
});

// UNUSED EXPORTS: proposeUpdate

// EXTERNAL MODULE: ./src/digest.ts
var digest = __nccwpck_require__(2187);
;// CONCATENATED MODULE: ./src/pull-request/diff.ts
function splitLines(text) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
function walk(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            out.push({ kind: ' ', text: a[i], oldNo: i++, newNo: j++ });
        }
        else if (j < b.length && (i >= a.length || a[i] === b[j + 1])) {
            out.push({ kind: '+', text: b[j], oldNo: i, newNo: j++ });
        }
        else if (i < a.length && (j >= b.length || a[i + 1] === b[j])) {
            out.push({ kind: '-', text: a[i], oldNo: i++, newNo: j });
        }
        else {
            out.push({ kind: '-', text: a[i], oldNo: i++, newNo: j });
            out.push({ kind: '+', text: b[j], oldNo: i, newNo: j++ });
        }
    }
    return out;
}
function diff_unifiedDiff(path, before, after, context = 2) {
    const lines = walk(splitLines(before), splitLines(after));
    const changed = lines.map((l, n) => (l.kind === ' ' ? -1 : n)).filter(n => n >= 0);
    if (changed.length === 0)
        return '';
    const out = [`--- a/${path}`, `+++ b/${path}`];
    let k = 0;
    while (k < changed.length) {
        const start = Math.max(0, changed[k] - context);
        let end = changed[k];
        while (k < changed.length && changed[k] - end <= 2 * context + 1)
            end = changed[k++];
        end = Math.min(lines.length - 1, end + context);
        const hunk = lines.slice(start, end + 1);
        const oldCount = hunk.filter(l => l.kind !== '+').length;
        const newCount = hunk.filter(l => l.kind !== '-').length;
        const first = hunk[0];
        out.push(`@@ -${first.oldNo + (oldCount ? 1 : 0)},${oldCount} +${first.newNo + (newCount ? 1 : 0)},${newCount} @@`);
        for (const l of hunk)
            out.push(`${l.kind}${l.text.replace(/\r$/, '')}`);
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/pull-request/github.ts
/** Marks commits this action made, so a branch holding anyone else's work is never overwritten. */
const COMMIT_TRAILER = 'Generated-by: image-digest-updater';
const NOT_FILE = {
    '120000': 'a symbolic link',
    '040000': 'a directory',
    '160000': 'a submodule'
};
/** GitHub's answer when a token without the workflows permission pushes a workflow change. */
const WORKFLOW_REFUSAL = /workflows?` (permission|scope)|create or update workflow/i;
function isWorkflowPath(path) {
    return path.startsWith('.github/workflows/');
}
class github_PullRequestError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'PullRequestError';
}
function github_status(error) {
    const value = error.status;
    return typeof value === 'number' ? value : undefined;
}
function withTrailer(message) {
    return `${message.trimEnd()}\n\n${COMMIT_TRAILER}\n`;
}
/** The GitHub side of the update: read the base, then create, update, or close the pull request. */
class PullRequestClient {
    octokit;
    repository;
    logger;
    constructor(octokit, repository, logger) {
        this.octokit = octokit;
        this.repository = repository;
        this.logger = logger;
    }
    /** Reads the base branch's head and the given files as they are there. */
    async readBase(base, paths) {
        const { owner, repo } = this.repository;
        const branch = base ?? (await this.octokit.rest.repos.get({ owner, repo })).data.default_branch;
        let sha;
        try {
            const ref = await this.octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
            sha = ref.data.object.sha;
        }
        catch (error) {
            if (github_status(error) === 404)
                throw new github_PullRequestError(`base branch "${branch}" does not exist in ${owner}/${repo}; set the base input to an existing branch`);
            throw error;
        }
        const commit = await this.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
        const treeSha = commit.data.tree.sha;
        const files = new Map();
        const modes = new Map();
        const notFiles = new Map();
        // One listing of the whole tree gives every path's mode (an executable script must stay
        // executable) and kind; a listing GitHub truncated falls back to one lookup per path.
        const listing = paths.length > 0
            ? (await this.octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: '1' }))
                .data
            : undefined;
        const entries = new Map();
        for (const e of listing?.tree ?? [])
            if (e.path)
                entries.set(e.path, e);
        for (const path of paths) {
            const entry = entries.get(path);
            if (!entry && listing && !listing.truncated) {
                files.set(path, undefined);
            }
            else if (entry && (entry.type !== 'blob' || NOT_FILE[entry.mode ?? ''])) {
                files.set(path, undefined);
                notFiles.set(path, NOT_FILE[entry.mode ?? ''] ?? `a ${entry.type}`);
            }
            else if (entry?.sha) {
                const blob = await this.octokit.rest.git.getBlob({ owner, repo, file_sha: entry.sha });
                files.set(path, Buffer.from(blob.data.content, 'base64'));
                modes.set(path, entry.mode ?? '100644');
            }
            else {
                const read = await this.readFile(path, sha);
                if (read && 'kind' in read)
                    notFiles.set(path, `a ${read.kind}`);
                files.set(path, read && 'bytes' in read ? read.bytes : undefined);
            }
        }
        return { branch, sha, treeSha, files, modes, notFiles };
    }
    async readFile(path, ref) {
        const { owner, repo } = this.repository;
        try {
            const { data } = await this.octokit.rest.repos.getContent({ owner, repo, path, ref });
            if (Array.isArray(data))
                return { kind: 'directory' };
            if (data.type !== 'file')
                return { kind: data.type };
            if ('content' in data && typeof data.content === 'string' && data.content !== '') {
                return { bytes: Buffer.from(data.content, 'base64') };
            }
            // The contents API leaves files over 1 MB empty; their blob has the bytes.
            const blob = await this.octokit.rest.git.getBlob({ owner, repo, file_sha: data.sha });
            return { bytes: Buffer.from(blob.data.content, 'base64') };
        }
        catch (error) {
            if (github_status(error) === 404)
                return undefined;
            throw error;
        }
    }
    async sync(change) {
        const { owner, repo } = this.repository;
        const branch = change.branch;
        if (branch === change.base.branch)
            throw new github_PullRequestError(`the pull request branch and the base are both "${branch}"; choose another branch`);
        const branchSha = await this.branchHead(branch);
        const pull = await this.findOpenPull(branch, change.base.branch);
        if (change.files.size === 0) {
            if (change.keepOpen || !pull) {
                if (pull)
                    this.logger.info(`#${pull.number} left open: some images could not be resolved, so this run cannot tell whether it is still needed`);
                return { operation: pull ? 'unchanged' : 'none', ...pullFields(pull), branch };
            }
            await this.octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: pull.number,
                body: `${change.base.branch} already pins every current digest, so this pull request is no longer needed. Closed by image-digest-updater.`
            });
            await this.octokit.rest.pulls.update({
                owner,
                repo,
                pull_number: pull.number,
                state: 'closed'
            });
            if (branchSha && !(await this.foreignCommits(change.base.sha, branchSha)).length) {
                await this.octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${branch}` });
            }
            this.logger.info(`Closed #${pull.number}: ${change.base.branch} already holds every digest`);
            return { operation: 'closed', ...pullFields(pull), branch };
        }
        let reuse = false;
        if (branchSha) {
            const foreign = await this.foreignCommits(change.base.sha, branchSha);
            if (foreign.length > 0 && !change.branchExplicit) {
                throw new github_PullRequestError(`branch "${branch}" has ${foreign.length} commit(s) that image-digest-updater did not make (${foreign
                    .slice(0, 3)
                    .map(c => c.slice(0, 12))
                    .join(', ')}); refusing to overwrite them. Delete the branch, or set the branch input explicitly to let the action replace it`);
            }
            reuse = foreign.length === 0 && (await this.branchHolds(branchSha, change.files));
            if (reuse && pull) {
                this.logger.info(`#${pull.number} already proposes these digests`);
                return { operation: 'unchanged', ...pullFields(pull), branch };
            }
        }
        let commitSha;
        if (!reuse) {
            try {
                commitSha = await this.commit(change);
                if (branchSha) {
                    await this.octokit.rest.git.updateRef({
                        owner,
                        repo,
                        ref: `heads/${branch}`,
                        sha: commitSha,
                        force: true
                    });
                }
                else {
                    await this.octokit.rest.git.createRef({
                        owner,
                        repo,
                        ref: `refs/heads/${branch}`,
                        sha: commitSha
                    });
                }
            }
            catch (error) {
                throw workflowRefusal(error, [...change.files.keys()]) ?? error;
            }
        }
        if (pull) {
            await this.octokit.rest.pulls.update({
                owner,
                repo,
                pull_number: pull.number,
                title: change.title,
                body: change.body
            });
            if (change.labels.length > 0)
                await this.octokit.rest.issues.addLabels({
                    owner,
                    repo,
                    issue_number: pull.number,
                    labels: change.labels
                });
            this.logger.info(`Updated #${pull.number} (${pull.html_url})`);
            return { operation: 'updated', ...pullFields(pull), branch, commitSha };
        }
        const created = await this.createPull(change);
        this.logger.info(`Created #${created.number} (${created.html_url})`);
        return { operation: 'created', ...pullFields(created), branch, commitSha };
    }
    async branchHead(branch) {
        const { owner, repo } = this.repository;
        try {
            const ref = await this.octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
            return ref.data.object.sha;
        }
        catch (error) {
            if (github_status(error) === 404)
                return undefined;
            throw error;
        }
    }
    async findOpenPull(branch, base) {
        const { owner, repo } = this.repository;
        // Without the owner prefix GitHub ignores `head` and lists every pull request.
        const { data } = await this.octokit.rest.pulls.list({
            owner,
            repo,
            state: 'open',
            head: `${owner}:${branch}`,
            base,
            per_page: 10
        });
        return data.find(p => p.head.ref === branch);
    }
    /** Commits between base and the branch head that lack this action's trailer. */
    async foreignCommits(baseSha, headSha) {
        const { owner, repo } = this.repository;
        if (baseSha === headSha)
            return [];
        const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
            owner,
            repo,
            basehead: `${baseSha}...${headSha}`
        });
        return data.commits
            .filter(c => !c.commit.message.split('\n').some(line => line.trim() === COMMIT_TRAILER))
            .map(c => c.sha);
    }
    async branchHolds(branchSha, files) {
        for (const [path, content] of files) {
            const current = await this.readFile(path, branchSha);
            if (!current || !('bytes' in current) || !current.bytes.equals(Buffer.from(content, 'utf8')))
                return false;
        }
        return true;
    }
    async commit(change) {
        const { owner, repo } = this.repository;
        const tree = [];
        for (const [path, content] of change.files) {
            const blob = await this.octokit.rest.git.createBlob({
                owner,
                repo,
                content: Buffer.from(content, 'utf8').toString('base64'),
                encoding: 'base64'
            });
            const mode = change.base.modes.get(path) === '100755' ? '100755' : '100644';
            tree.push({ path, mode, type: 'blob', sha: blob.data.sha });
        }
        const newTree = await this.octokit.rest.git.createTree({
            owner,
            repo,
            base_tree: change.base.treeSha,
            tree
        });
        // No author or committer: GitHub then attributes the commit to the token and signs it.
        const commit = await this.octokit.rest.git.createCommit({
            owner,
            repo,
            message: withTrailer(change.commitMessage),
            tree: newTree.data.sha,
            parents: [change.base.sha]
        });
        return commit.data.sha;
    }
    async createPull(change) {
        const { owner, repo } = this.repository;
        const { data } = await this.octokit.rest.pulls.create({
            owner,
            repo,
            title: change.title,
            body: change.body,
            head: change.branch,
            base: change.base.branch,
            draft: change.draft,
            maintainer_can_modify: false
        });
        // Extras must not cost the pull request itself: a reviewer who is not a collaborator
        // makes GitHub answer 422, which is worth a warning, not a failed run.
        const extras = [];
        if (change.labels.length > 0)
            extras.push([
                'labels',
                () => this.octokit.rest.issues.addLabels({
                    owner,
                    repo,
                    issue_number: data.number,
                    labels: change.labels
                })
            ]);
        if (change.assignees.length > 0)
            extras.push([
                'assignees',
                () => this.octokit.rest.issues.addAssignees({
                    owner,
                    repo,
                    issue_number: data.number,
                    assignees: change.assignees
                })
            ]);
        if (change.reviewers.length > 0 || change.teamReviewers.length > 0)
            extras.push([
                'reviewers',
                () => this.octokit.rest.pulls.requestReviewers({
                    owner,
                    repo,
                    pull_number: data.number,
                    reviewers: change.reviewers,
                    team_reviewers: change.teamReviewers
                })
            ]);
        for (const [what, call] of extras) {
            try {
                await call();
            }
            catch (error) {
                this.logger.warning(`#${data.number}: could not add ${what}: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        return data;
    }
}
/**
 * GitHub refuses a commit that changes `.github/workflows/` from a token without the
 * `workflows` permission, which GITHUB_TOKEN can never have. Its answer names one file and
 * no way out; this names every such file and the token that can push them.
 */
function workflowRefusal(error, paths) {
    const workflows = paths.filter(isWorkflowPath);
    if (workflows.length === 0)
        return undefined;
    const code = github_status(error);
    const message = error instanceof Error ? error.message : String(error);
    const refused = WORKFLOW_REFUSAL.test(message);
    // GitHub has also been seen answering a bare 404 to such trees; a rate limit is no refusal.
    const likely = code === 403 || code === 404 || code === 422;
    if (!refused && (!likely || /rate limit/i.test(message)))
        return undefined;
    const files = workflows.map(p => `\`${p}\``).join(', ');
    return new github_PullRequestError((refused
        ? `GitHub refused the commit changing ${files}: `
        : `GitHub answered ${code} to the commit changing ${files}, most likely because `) +
        'files under .github/workflows/ can only be changed with a token that has the workflows permission, and the default GITHUB_TOKEN cannot have it. ' +
        'Pass as token a fine-grained personal access token with "Workflows: write" (plus "Contents: write" and "Pull requests: write"), ' +
        'or a GitHub App installation token with workflows: write; or leave .github/workflows/ out of the files input. ' +
        `GitHub said: ${message.split('\n')[0]}`, { cause: error });
}
function pullFields(pull) {
    return pull ? { number: pull.number, url: pull.html_url } : {};
}

;// CONCATENATED MODULE: ./src/markdown.ts
/**
 * Escaping for values from config files and registries that land in Markdown (job
 * summary, pull request body): a `|` cannot break a table, a backtick cannot open code,
 * HTML cannot render, and `@name` cannot notify anyone.
 */
/**
 * C0/C1 controls and the bidirectional overrides: invisible in a rendered body, and the
 * overrides can make a name read differently from what it is ("Trojan Source"), so a
 * reviewer is shown a replacement character instead.
 */
const UNSAFE_CHARACTERS = 
// eslint-disable-next-line no-control-regex
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Text kept on one line: a line break would end a table row or start a new block. */
function oneLine(value) {
    return value.replace(/[\r\n]+/g, ' ').replace(UNSAFE_CHARACTERS, '\ufffd');
}
/**
 * Escapes untrusted text for inline Markdown. GitHub links `@name`, `#123`, `GH-123` and
 * bare URLs after rendering, on the text itself, so a backslash escape does not stop them;
 * a zero-width space after the trigger does, and stays invisible to the reader.
 */
function escapeMarkdown(value) {
    return (oneLine(value)
        .trim()
        .replace(/[\\`*_{}[\]()#+!|~>$]/g, ch => `\\${ch}`)
        // At the start of a line (a template may put a value there) these open a list,
        // a setext heading or a thematic break.
        .replace(/^([-=])/, '\\$1')
        .replace(/^(\d+)\./, '$1\\.')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/@/g, '@\u200b')
        .replace(/#/g, '#\u200b')
        .replace(/\b(GH)-(?=\d)/gi, '$1\u200b-')
        .replace(/:\/\//g, ':\u200b//')
        .replace(/\bwww\./gi, m => `${m.slice(0, 3)}\u200b.`));
}
/** Inline code for values known to be plain (digests, validated references). */
function code(value) {
    return `\`${value.replace(/`/g, '')}\``;
}
/**
 * Inline code for any value, shown exactly: the fence is one backtick longer than the
 * longest backtick run inside, so the value cannot close it. Inside a code span nothing is
 * a link, mention or HTML. In a table cell GFM splits cells on `|` before it reads code
 * spans, so `inTable` escapes pipes (GitHub removes that backslash again).
 */
function codeSpan(value, options = {}) {
    let text = oneLine(value);
    if (options.inTable)
        text = text.replace(/\|/g, '\\|');
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    const fence = '`'.repeat(longest + 1);
    // CommonMark strips one space from each end when both ends have one, and a backtick at
    // an end would merge with the fence: pad so the value survives both rules.
    if (text === '')
        return '` `';
    const pad = text.startsWith('`') ||
        text.endsWith('`') ||
        (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '')
        ? ' '
        : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * The value as an http(s) URL, or undefined when it is not one: `javascript:` and other
 * schemes, relative paths, and URLs with credentials, which must not be published.
 */
function safeUrl(value) {
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    if (url.username || url.password)
        return undefined;
    return url;
}
/**
 * A URL as a Markdown link destination, percent-encoded where Markdown would read it
 * differently: parentheses and spaces end it, and `<` `>` `"` and backticks have no business
 * in it. Markdown decodes entities in a destination even after a backslash, so `&` is
 * written as `&amp;`, which decodes back to exactly `&`.
 */
function linkDestination(url) {
    return url.href
        .replace(/[\s()<>"`\\[\]|{}^]/g, ch => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
        .replace(/&/g, '&amp;');
}
/** `[text](url)` with the text escaped; the URL must come from `safeUrl`. */
function markdown_link(text, url) {
    return `[${escapeMarkdown(text)}](${linkDestination(url)})`;
}
function table(headers, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

;// CONCATENATED MODULE: ./src/pull-request/body.ts
/**
 * The pull request body, a pure function of the run's data and a template the user may
 * replace. Every value in the data comes from a config file or a registry and is untrusted:
 * it is escaped for the place it lands in, and URLs are used only when they parse as http(s).
 *
 * Placeholders (anything else in braces is left as written):
 *   {image}    the distinct images, each in backticks: "`a`", "`a` and `b`", "`a`, `b` and `c`"
 *   {table}    the changes table (Target, Previous Hash, New Hash), one row per update
 *   {updates}  the same updates as a bullet list: "- target: `old` → `new`"
 *   {files}    "Also updated: `path`, …" for the other files the updates touched, or nothing
 *   {failures} a "### Not updated" section with each entry that failed and why, or nothing
 *   {upstream} a "### Upstream Changes" section with links to the upstream repositories
 *              and the commits between the two image revisions, or nothing
 *   {count}    the number of updates
 *   {date}     the run's date in UTC, YYYY-MM-DD
 *   {trigger}  "Triggered by the publication of `image:tag`." when an image publication
 *              started the run, or nothing
 * Block placeholders ({table}, {updates}, {failures}, {upstream}) belong on a line of their
 * own. Runs of blank lines left by empty placeholders collapse to one.
 */

/** GitHub rejects a pull request body longer than this. */
const BODY_LIMIT = 65536;
/** The hash-diff template: the product's wording, with its per-row lines as placeholders. */
const DEFAULT_BODY_TEMPLATE = `## Container Hash Updates

This PR updates the container SHA hashes for {image} images.

{trigger}

### Changes Detected

{table}

{files}

{failures}

{upstream}

### Verification

- [ ] All builds pass with new hashes
- [ ] No breaking changes detected
- [ ] Security scan results reviewed

_This PR was automatically generated on {date}_
`;
const SHORTENED = "body shortened to fit GitHub's limit";
/** Only a commit id goes into a compare URL; anything else could point the link elsewhere. */
const REVISION = /^[0-9a-f]{7,40}$/i;
/** GitHub owner and repository names; anything else is not a GitHub repository URL. */
const GITHUB_PATH = /^\/([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/;
/** Which lists keep their items longest when the body must shrink. */
const PRIORITY = ['rows', 'failures', 'links', 'files', 'images'];
function renderPullRequestBody(data, template) {
    const source = template?.trim() ? template.replace(/\r\n?/g, '\n') : DEFAULT_BODY_TEMPLATE;
    const pieces = collect(data);
    const render = (caps) => tidy(substitute(source, values(pieces, caps)));
    const full = {
        rows: pieces.rows.length,
        failures: pieces.failures.length,
        links: pieces.links.length,
        files: pieces.files.length,
        images: pieces.images.length
    };
    const whole = render(full);
    if (whole.length <= BODY_LIMIT)
        return whole;
    // Every list first gets the same share, so one long list cannot crowd out the others;
    // what is left then goes to the lists in order of importance, the changes table first.
    const uniform = (n) => {
        const caps = { ...full };
        for (const key of PRIORITY)
            caps[key] = Math.min(full[key], n);
        return caps;
    };
    const fits = (caps) => render(caps).length <= BODY_LIMIT;
    if (!fits(uniform(0)))
        return hardCut(render(uniform(0)));
    const share = largest(0, Math.max(...PRIORITY.map(k => full[k])), n => fits(uniform(n)));
    const caps = uniform(share);
    for (const key of PRIORITY) {
        caps[key] = largest(caps[key], full[key], n => fits({ ...caps, [key]: n }));
    }
    return render(caps);
}
/** The largest n in [low, high] that passes, given that `low` passes. */
function largest(low, high, passes) {
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (passes(mid))
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}
function collect(data) {
    const target = (u) => escapeMarkdown(u.name) + (u.platform ? ` (${escapeMarkdown(u.platform)})` : '');
    const hash = (digest, inTable) => digest === null ? '(none)' : codeSpan(digest, { inTable });
    const rows = data.updates.map(u => `| ${target(u)} | ${hash(u.previous, true)} | ${hash(u.current, true)} |`);
    const bullets = data.updates.map(u => {
        const files = distinct(u.files ?? []);
        const also = files.length > 0 ? ` (also ${files.map(f => codeSpan(f)).join(', ')})` : '';
        return `- ${target(u)}: ${hash(u.previous, false)} → ${hash(u.current, false)}${also}`;
    });
    const failures = data.failures.map(f => {
        const reference = f.tag ? `${f.image}:${f.tag}` : f.image;
        return `- ${escapeMarkdown(f.name)} (${codeSpan(reference)}): ${escapeMarkdown(f.error)}`;
    });
    return {
        images: distinct(data.updates.map(u => u.image)).map(i => codeSpan(i)),
        rows,
        bullets,
        files: distinct(data.updates.flatMap(u => u.files ?? [])).map(f => codeSpan(f)),
        failures,
        links: upstreamLinks(data.updates),
        count: data.updates.length,
        date: formatDate(data.date),
        trigger: data.published ? triggerLine(data.published) : ''
    };
}
/** The same words in the pull request body and the job summary. */
function triggerLine(published) {
    return `Triggered by the publication of ${codeSpan(published)}.`;
}
function distinct(values) {
    return [...new Set(values)];
}
function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
function values(p, caps) {
    return new Map([
        ['image', inline(p.images, caps.images, 'no')],
        ['table', changesTable(p.rows, caps.rows)],
        ['updates', updateList(p.bullets, caps.rows)],
        ['files', fileLine(p.files, caps.files)],
        ['failures', failureSection(p.failures, caps.failures)],
        ['upstream', upstreamSection(p.links, caps.links)],
        ['count', String(p.count)],
        ['date', p.date],
        ['trigger', p.trigger]
    ]);
}
/** "a", "a and b", "a, b and c"; "a, b and 3 more" when capped. */
function inline(items, cap, none) {
    if (items.length === 0)
        return none;
    const shown = items.slice(0, cap);
    const rest = items.length - shown.length;
    if (shown.length === 0)
        return String(rest);
    if (rest > 0)
        return `${shown.join(', ')} and ${rest} more`;
    if (shown.length === 1)
        return shown[0];
    return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
function fileLine(files, cap) {
    if (files.length === 0)
        return '';
    const list = cap > 0 ? inline(files, cap, '') : plural(files.length, 'other file', 'other files');
    return `Also updated: ${list}.`;
}
function moreUpdates(shown, rest) {
    return shown > 0
        ? `…and ${plural(rest, 'more update', 'more updates')} (${SHORTENED}); see the job summary`
        : `${plural(rest, 'update', 'updates')} not shown (${SHORTENED}); see the job summary`;
}
function changesTable(rows, cap) {
    if (rows.length === 0)
        return 'No digest changed.';
    const shown = rows.slice(0, cap);
    const rest = rows.length - shown.length;
    // A line right after a table is read as another row, hence the blank line before the note.
    const note = rest > 0 ? `_${moreUpdates(shown.length, rest)}._` : '';
    if (shown.length === 0)
        return note;
    const head = ['| Target | Previous Hash | New Hash |', '| ------ | ------------- | -------- |'];
    return [...head, ...shown].join('\n') + (note ? `\n\n${note}` : '');
}
function updateList(bullets, cap) {
    if (bullets.length === 0)
        return 'No digest changed.';
    const shown = bullets.slice(0, cap);
    const rest = bullets.length - shown.length;
    if (rest > 0)
        shown.push(`- _${moreUpdates(shown.length, rest)}._`);
    return shown.join('\n');
}
function failureSection(items, cap) {
    if (items.length === 0)
        return '';
    const n = items.length;
    const intro = n === 1
        ? 'This entry could not be resolved and keeps its previous digest:'
        : `These ${n} entries could not be resolved and keep their previous digest:`;
    const shown = items.slice(0, cap);
    const rest = n - shown.length;
    if (rest > 0)
        shown.push(`- _${shown.length > 0 ? '…and ' : ''}${rest} more (${SHORTENED}); see the job summary._`);
    return ['### Not updated', '', intro, '', ...shown].join('\n');
}
function upstreamSection(items, cap) {
    if (items.length === 0)
        return '';
    const shown = items.slice(0, cap);
    const rest = items.length - shown.length;
    if (rest > 0)
        shown.push(`- _${shown.length > 0 ? '…and ' : ''}${plural(rest, 'more link', 'more links')} (${SHORTENED})._`);
    return ['### Upstream Changes', '', ...shown].join('\n');
}
function parseSource(value) {
    const url = safeUrl(value);
    if (!url)
        return undefined;
    const match = url.hostname === 'github.com' && url.port === '' ? GITHUB_PATH.exec(url.pathname) : null;
    const owner = match?.[1];
    const repo = match?.[2];
    if (owner && repo && repo !== '.' && repo !== '..') {
        const name = `${owner}/${repo}`;
        // GitHub names are case-insensitive: two spellings are one repository.
        return {
            key: `github:${name.toLowerCase()}`,
            name,
            url: new URL(`https://github.com/${name}`),
            github: true
        };
    }
    const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
    return { key: url.href, name: `${url.host}${path}`, url, github: false };
}
/** Same commit: equal ids, or one an abbreviation of the other. */
function sameCommit(a, b) {
    return a.startsWith(b) || b.startsWith(a);
}
function upstreamLinks(updates) {
    const sources = new Map();
    for (const u of updates) {
        const parsed = u.upstream?.source ? parseSource(u.upstream.source) : undefined;
        if (!parsed)
            continue;
        let source = sources.get(parsed.key);
        if (!source) {
            source = { name: parsed.name, url: parsed.url, github: parsed.github, pairs: new Map() };
            sources.set(parsed.key, source);
        }
        const previous = u.upstream?.previousRevision?.trim().toLowerCase();
        const current = u.upstream?.currentRevision?.trim().toLowerCase();
        if (source.github &&
            previous &&
            current &&
            REVISION.test(previous) &&
            REVISION.test(current) &&
            !sameCommit(previous, current))
            source.pairs.set(`${previous}...${current}`, [previous, current]);
    }
    // The template's wording when there is one compare link; with several, each says which
    // repository and revisions it spans.
    const compareCount = [...sources.values()].reduce((n, s) => n + s.pairs.size, 0);
    const lines = [];
    for (const source of sources.values()) {
        for (const [range, [previous, current]] of source.pairs) {
            const url = new URL(`${source.url.href}/compare/${range}`);
            // Link text may hold parentheses; only the name needs escaping.
            const label = compareCount === 1
                ? 'View commits since last update'
                : `View commits since last update (${escapeMarkdown(source.name)} ${previous.slice(0, 7)}...${current.slice(0, 7)})`;
            lines.push(`- [${label}](${linkDestination(url)})`);
        }
        lines.push(`- ${markdown_link(`${source.name} repository`, source.url)}`);
    }
    return lines;
}
function formatDate(date) {
    if (Number.isNaN(date.getTime()))
        return 'an unknown date';
    const pad = (n, width) => String(n).padStart(width, '0');
    return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}
/**
 * One pass over the template only: a value that happens to contain "{date}" is never
 * expanded, and unknown placeholders stay as written.
 */
function substitute(template, values) {
    return template.replace(/\{([a-z_]+)\}/g, (match, name) => values.get(name) ?? match);
}
/** An opening or closing code fence: three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
function fenceAfter(line, open) {
    const match = FENCE.exec(line);
    if (!match)
        return open;
    const run = match[1];
    const rest = match[2];
    if (open) {
        return run[0] === open.char && run.length >= open.length && rest.trim() === ''
            ? undefined
            : open;
    }
    // A backtick fence's info string cannot hold a backtick (that line is inline code).
    if (run[0] === '`' && rest.includes('`'))
        return undefined;
    return { char: run[0], length: run.length };
}
/**
 * Collapses blank-line runs left by empty placeholders to one blank line (Markdown renders
 * them alike), except inside fenced code where every line is content.
 */
function tidy(body) {
    const out = [];
    let open;
    for (const line of body.split('\n')) {
        const blank = line.trim() === '';
        if (!open && blank && (out.length === 0 || out[out.length - 1] === ''))
            continue;
        out.push(!open && blank ? '' : line);
        open = fenceAfter(line, open);
    }
    while (out.length > 0 && out[out.length - 1] === '')
        out.pop();
    if (open)
        out.push(open.char.repeat(open.length));
    return out.join('\n') + '\n';
}
/**
 * Last resort when even the template with every list emptied is too long (a huge custom
 * template): cut at a line break, close a code fence left open, and say so.
 */
function hardCut(body) {
    const note = `\n\n_…${SHORTENED}; see the job summary._\n`;
    let budget = BODY_LIMIT - note.length;
    for (;;) {
        let cut = body.lastIndexOf('\n', budget);
        if (cut <= 0) {
            cut = budget;
            // Never split a surrogate pair.
            if (/[\ud800-\udbff]/.test(body.charAt(cut - 1)))
                cut -= 1;
        }
        let head = body.slice(0, cut);
        let open;
        for (const line of head.split('\n'))
            open = fenceAfter(line, open);
        if (open)
            head += `\n${open.char.repeat(open.length)}`;
        const result = head + note;
        if (result.length <= BODY_LIMIT)
            return result;
        budget -= result.length - BODY_LIMIT;
    }
}

// EXTERNAL MODULE: ./src/update.ts + 2 modules
var update = __nccwpck_require__(3629);
// EXTERNAL MODULE: ./src/platform.ts
var platform = __nccwpck_require__(3728);
;// CONCATENATED MODULE: ./src/upstream.ts
/**
 * Where a moved image came from: the OCI `source` and `revision` labels of the old and
 * the new digest, which let a reviewer read the upstream commits between the two pins.
 */

const SOURCE_LABEL = 'org.opencontainers.image.source';
const REVISION_LABEL = 'org.opencontainers.image.revision';
/** An index's labels are read from this platform's image unless the entry names one. */
const DEFAULT_PLATFORM = (0,platform/* parsePlatform */.FL)('linux/amd64');
/**
 * Reads the labels of both digests of every moved entry, each distinct image once. Missing
 * labels or an old digest the registry no longer has only cost the links, never the run.
 */
async function lookUpUpstream(client, moved, logger) {
    const cache = new Map();
    const labelsOf = (entry, digest) => {
        const platform = entry.platform ?? DEFAULT_PLATFORM;
        const key = `${entry.reference.registry}/${entry.reference.repository}@${digest}|${platform.text}`;
        let pending = cache.get(key);
        if (!pending) {
            pending = client.imageLabels(entry.reference, digest, platform).catch((error) => {
                logger.debug(`no upstream labels for ${key}: ${error instanceof Error ? error.message : String(error)}`);
                return undefined;
            });
            cache.set(key, pending);
        }
        return pending;
    };
    return Promise.all(moved.map(async ({ entry, previous, current }) => {
        const [before, after] = await Promise.all([
            previous ? labelsOf(entry, previous) : undefined,
            labelsOf(entry, current)
        ]);
        const info = {};
        const source = after?.[SOURCE_LABEL] ?? before?.[SOURCE_LABEL];
        if (source)
            info.source = source;
        if (before?.[REVISION_LABEL])
            info.previousRevision = before[REVISION_LABEL];
        if (after?.[REVISION_LABEL])
            info.currentRevision = after[REVISION_LABEL];
        return info;
    }));
}

;// CONCATENATED MODULE: ./src/propose.ts
/**
 * Turns a run's result into a pull request: the new config is computed from the base
 * branch's copy (never the workspace's), upstream links are read from the images, and the
 * body is rendered from data. Side effects go through the clients it is given.
 */






/** The action's defaults, which the command line's preview of a pull request uses too. */
const DEFAULT_BRANCH = 'image-digests/update';
const DEFAULT_TITLE = 'chore: Update container image digests';
async function bodyUpdates(moved, client, logger, filesOf) {
    const upstream = client ? await lookUpUpstream(client, moved, logger) : [];
    return moved.map((m, i) => ({
        name: m.entry.name,
        image: `${m.entry.reference.registry}/${m.entry.reference.repository}`,
        tag: m.entry.reference.tag,
        platform: m.entry.platform?.text ?? null,
        previous: m.previous ? (0,digest/* formatStoredDigest */.Dp)(m.previous, m.entry.digestForm) : null,
        current: (0,digest/* formatStoredDigest */.Dp)(m.current, m.entry.digestForm),
        upstream: upstream[i],
        files: filesOf(m)
    }));
}
function workspaceMoves(result) {
    return result.results
        .filter(r => (r.status === 'updated' || r.status === 'pinned') && r.current)
        .map(r => ({ entry: r.entry, previous: r.previous, current: r.current }));
}
function render(settings, updates, result) {
    return renderPullRequestBody({ updates, failures: result.failed, date: settings.now, published: settings.published }, settings.bodyTemplate);
}
/** What a dry run shows: the pull request this run would propose, against the workspace copy. */
async function describeProposal(result, settings, client, logger) {
    if (result.newText === undefined)
        return undefined;
    const updates = await bodyUpdates(workspaceMoves(result), client, logger, m => result.pinnedFiles.filter(f => f.entries.includes(m.entry.index)).map(f => f.path));
    const diffs = [diff_unifiedDiff(settings.repoPath, result.config.source, stripBom(result.newText))];
    for (const file of result.pinnedFiles)
        diffs.push(diff_unifiedDiff(file.path, file.text, file.newText));
    return { title: settings.title, body: render(settings, updates, result), diff: diffs.join('') };
}
function stripBom(text) {
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
/** Creates, updates or closes the one pull request, based on the base branch's head. */
async function proposeUpdate(result, settings, pullRequests, client, logger) {
    const otherPaths = result.pinnedFiles.map(f => f.path).filter(p => p !== settings.repoPath);
    const base = await pullRequests.readBase(settings.base, [settings.repoPath, ...otherPaths]);
    const baseBytes = base.files.get(settings.repoPath);
    const notFile = base.notFiles.get(settings.repoPath);
    if (notFile)
        throw new PullRequestError(`${settings.repoPath} is ${notFile} on ${base.branch}, not a file; point the config input at the file itself`);
    if (!baseBytes) {
        throw new PullRequestError(`${settings.repoPath} does not exist on ${base.branch}; commit the config there first`);
    }
    const rebased = rebaseUpdate(`${settings.configLabel} (on ${base.branch})`, baseBytes, { defaultImage: settings.defaultImage, defaultPlatform: settings.defaultPlatform }, result.results);
    const files = new Map();
    const diffs = [];
    if (rebased.newText !== undefined) {
        files.set(settings.repoPath, rebased.newText);
        diffs.push(unifiedDiff(settings.repoPath, baseBytes.toString('utf8'), rebased.newText));
    }
    // The other files are the ones this run rewrote in the workspace, taken as the base holds
    // them; both the base config's old digests and the workspace's count as old.
    const moves = [...digestMoves(rebased.moved), ...digestMoves(workspaceMoves(result))];
    const touched = new Map();
    for (const path of otherPaths) {
        const bytes = base.files.get(path);
        const what = base.notFiles.get(path);
        if (!bytes) {
            notice(logger, `files: skipped ${path}: it is ${what ?? 'not in the repository'} on ${base.branch}`);
            continue;
        }
        const rewrite = rewritePinnedText(`${path} (on ${base.branch})`, bytes, moves, logger);
        if (!rewrite)
            continue;
        files.set(path, rewrite.newText);
        diffs.push(unifiedDiff(path, rewrite.text, rewrite.newText));
        touched.set(path, new Set(rewrite.moves.map(m => resolutionKey(m.entry))));
    }
    // An entry the base config already holds may still be stale in another file there: it is
    // listed from the workspace's move so the body says what changed.
    const listed = new Set(rebased.moved.map(m => resolutionKey(m.entry)));
    const alsoListed = workspaceMoves(result).filter(m => {
        const key = resolutionKey(m.entry);
        if (listed.has(key) || ![...touched.values()].some(keys => keys.has(key)))
            return false;
        listed.add(key);
        return true;
    });
    let proposal;
    let body = '';
    if (files.size > 0) {
        const updates = await bodyUpdates([...rebased.moved, ...alsoListed], client, logger, m => [...touched].filter(([, keys]) => keys.has(resolutionKey(m.entry))).map(([path]) => path));
        body = render(settings, updates, result);
        proposal = { title: settings.title, body, diff: diffs.join('') };
    }
    const outcome = await pullRequests.sync({
        base,
        branch: settings.branch,
        branchExplicit: settings.branchExplicit,
        files,
        title: settings.title,
        body,
        commitMessage: settings.commitMessage,
        labels: settings.labels,
        assignees: settings.assignees,
        reviewers: settings.reviewers,
        teamReviewers: settings.teamReviewers,
        draft: settings.draft,
        keepOpen: result.failed.length > 0
    });
    return { ...outcome, proposal };
}


/***/ }),

/***/ 8286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AF: () => (/* binding */ ReferenceError),
/* harmony export */   Mb: () => (/* binding */ registryApiHost),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   my: () => (/* binding */ formatImageReference),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony export DOCKER_HUB_API_HOST */
/**
 * Image reference parsing with Docker's normalisation rules (distribution/reference):
 * `nginx` is `docker.io/library/nginx`, the first path segment is a registry host only
 * when it contains `.` or `:`, is `localhost`, or has upper-case letters.
 */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** Where Docker Hub's registry API actually lives. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
class ReferenceError extends Error {
    name = 'ReferenceError';
}
function isValidTag(tag) {
    return TAG.test(tag);
}
function isValidDomain(domain) {
    const colon = domain.lastIndexOf(':');
    let host = domain;
    if (colon !== -1 && !domain.endsWith(']')) {
        const port = domain.slice(colon + 1);
        if (!/^\d{1,5}$/.test(port))
            return false;
        host = domain.slice(0, colon);
    }
    if (IPV6_HOST.test(host))
        return true;
    return host.split('.').every(part => DOMAIN_COMPONENT.test(part));
}
function parseImageReference(input) {
    const text = input.trim();
    if (text === '')
        throw new ReferenceError('image reference is empty');
    if (/\s/.test(text))
        throw new ReferenceError(`image reference "${input}" contains white space`);
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
            throw new ReferenceError(`image reference "${input}" has a malformed digest`);
        }
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > lastSlash) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!isValidTag(tag))
            throw new ReferenceError(`image reference "${input}" has an invalid tag "${tag}"`);
    }
    let registry = DOCKER_HUB;
    let path = rest;
    const firstSlash = rest.indexOf('/');
    if (firstSlash !== -1) {
        const first = rest.slice(0, firstSlash);
        if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
            registry = first;
            path = rest.slice(firstSlash + 1);
            if (!isValidDomain(registry)) {
                throw new ReferenceError(`image reference "${input}" has an invalid registry host "${registry}"`);
            }
        }
    }
    if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) {
        registry = DOCKER_HUB;
        if (!path.includes('/'))
            path = `library/${path}`;
    }
    if (path === '' || !path.split('/').every(c => PATH_COMPONENT.test(c))) {
        throw new ReferenceError(`image reference "${input}" has an invalid repository "${path}" ` +
            '(lower-case letters, digits and . _ - separators only)');
    }
    if (registry.length + 1 + path.length > 255) {
        throw new ReferenceError(`image reference "${input}" is longer than 255 characters`);
    }
    return { registry, repository: path, tag, digest };
}
/** The host that serves the registry API for a canonical registry name. */
function registryApiHost(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}
/** `registry/repository`, the form used in logs, matrices and keys. */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
function formatImageReference(ref) {
    let text = repositoryName(ref);
    if (ref.tag)
        text += `:${ref.tag}`;
    if (ref.digest)
        text += `@${ref.digest}`;
    return text;
}


/***/ }),

/***/ 9908:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  OI: () => (/* binding */ hostname),
  cW: () => (/* binding */ isLoopbackHost),
  Sf: () => (/* binding */ isPrivateHost)
});

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/registry/hosts.ts
/**
 * Address classes used to decide where credentials and plain HTTP may go. Host names
 * are judged by their text only (no DNS), which is what a credential decision needs:
 * the name the user configured is the name the secret belongs to.
 */

function stripBrackets(host) {
    return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
/** `host` without a port: `localhost:5000` → `localhost`, `[::1]:5000` → `::1`. */
function hostname(hostWithPort) {
    if (hostWithPort.startsWith('['))
        return stripBrackets(hostWithPort.slice(0, hostWithPort.indexOf(']') + 1));
    const colon = hostWithPort.indexOf(':');
    return (colon === -1 ? hostWithPort : hostWithPort.slice(0, colon)).toLowerCase();
}
function isLoopbackHost(host) {
    const name = stripBrackets(hostname(host));
    if (name === 'localhost' || name.endsWith('.localhost'))
        return true;
    if ((0,external_node_net_namespaceObject.isIP)(name) === 4)
        return name.startsWith('127.');
    if ((0,external_node_net_namespaceObject.isIP)(name) === 6)
        return name === '::1' || name === '0:0:0:0:0:0:0:1';
    return false;
}
/** Loopback, RFC 1918, link-local, unique-local, unspecified. */
function isPrivateHost(host) {
    if (isLoopbackHost(host))
        return true;
    const name = stripBrackets(hostname(host));
    if ((0,external_node_net_namespaceObject.isIP)(name) === 4) {
        const [a, b] = name.split('.').map(Number);
        return (a === 10 ||
            a === 0 ||
            (a === 172 && b >= 16 && b <= 31) ||
            (a === 192 && b === 168) ||
            (a === 169 && b === 254));
    }
    if ((0,external_node_net_namespaceObject.isIP)(name) === 6) {
        const lower = name.toLowerCase();
        return (lower === '::' ||
            /^f[cd]/.test(lower) ||
            /^fe[89ab]/.test(lower) ||
            lower.startsWith('::ffff:'));
    }
    return false;
}


/***/ }),

/***/ 8851:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   G5: () => (/* binding */ HttpTransport),
/* harmony export */   gl: () => (/* binding */ RegistryError)
/* harmony export */ });
/* unused harmony exports systemClock, silentLogger, Semaphore, parseRetryAfter, backoffDelay */
/* harmony import */ var _hosts_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9908);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5545);
/**
 * One HTTP exchange with a registry or token service: redirects followed by hand (so
 * credentials never cross to another host), bodies capped, a per-request timeout, a
 * global cap on requests in flight, and retries with backoff for what is retryable.
 */


const systemClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
};
const silentLogger = { debug() { }, info() { }, warning() { } };
class RegistryError extends Error {
    kind;
    status;
    name = 'RegistryError';
    constructor(kind, message, status) {
        super(message);
        this.kind = kind;
        this.status = status;
    }
}
const MAX_REDIRECTS = 5;
const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;
/** Counts waiting callers so at most `limit` run at once. */
class Semaphore {
    limit;
    active = 0;
    queue = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(task) {
        if (this.active >= this.limit)
            await new Promise(resolve => this.queue.push(resolve));
        else
            this.active++;
        try {
            return await task();
        }
        finally {
            const next = this.queue.shift();
            if (next)
                next();
            else
                this.active--;
        }
    }
}
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** Exponential backoff with full jitter: attempt 1 waits up to 500 ms, then 1 s, 2 s, … */
function backoffDelay(attempt, random) {
    const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
function isRetryableStatus(status) {
    return status === 429 || status === 408 || (status >= 500 && status <= 599 && status !== 501);
}
class HttpTransport {
    fetch;
    clock;
    logger;
    semaphore;
    maxAttempts;
    timeoutMs;
    maxRetryAfterMs;
    random;
    insecureHosts;
    onRequest;
    constructor(options = {}) {
        this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
        this.clock = options.clock ?? systemClock;
        this.logger = options.logger ?? silentLogger;
        this.semaphore = new Semaphore(Math.max(1, options.concurrency ?? 8));
        this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
        this.random = options.random ?? Math.random;
        this.insecureHosts = options.insecureHosts ?? new Set();
        this.onRequest = options.onRequest;
    }
    /**
     * `host` as in a URL, with its port if it has one: insecure-registries may list the host
     * alone (any port) or `host:port`, as Docker's daemon setting of that name does.
     */
    mayUsePlainHttp(host) {
        const name = host.toLowerCase();
        return ((0,_hosts_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopbackHost */ .cW)(name) || this.insecureHosts.has(name) || this.insecureHosts.has((0,_hosts_js__WEBPACK_IMPORTED_MODULE_0__/* .hostname */ .OI)(name)));
    }
    /** Sends the request with retries for network errors, 408, 429 and 5xx. */
    async request(req) {
        for (let attempt = 1;; attempt++) {
            let waitMs;
            try {
                const response = await this.semaphore.run(() => this.followRedirects(req));
                if (!isRetryableStatus(response.status) || attempt >= this.maxAttempts)
                    return response;
                const retryAfter = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
                if (retryAfter !== undefined && retryAfter > this.maxRetryAfterMs) {
                    // Waiting out a long quota window would stall the run; say so instead.
                    return response;
                }
                waitMs = retryAfter ?? backoffDelay(attempt, this.random);
                this.logger.debug(`${req.method} ${redactUrl(req.url)} answered ${response.status}; retry ${attempt + 1}/${this.maxAttempts} in ${waitMs} ms`);
            }
            catch (error) {
                if (!(error instanceof RegistryError) || !['network', 'timeout'].includes(error.kind))
                    throw error;
                if (attempt >= this.maxAttempts)
                    throw error;
                waitMs = backoffDelay(attempt, this.random);
                this.logger.debug(`${error.message}; retry ${attempt + 1}/${this.maxAttempts} in ${waitMs} ms`);
            }
            await this.clock.sleep(waitMs);
        }
    }
    async followRedirects(req) {
        let url = new URL(req.url);
        let headers = { ...req.headers };
        for (let hop = 0;; hop++) {
            const response = await this.once(req.method, url, headers, req.maxBodyBytes);
            const location = response.headers.get('location');
            if (![301, 302, 303, 307, 308].includes(response.status) || !location)
                return response;
            if (hop >= MAX_REDIRECTS) {
                throw new RegistryError('redirect', `too many redirects from ${redactUrl(req.url)}`);
            }
            const next = new URL(location, url);
            if (next.username !== '' || next.password !== '') {
                throw new RegistryError('redirect', `refusing redirect to a URL with credentials in it (${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .untrustedText */ .U)(redactUrl(next.href), 200)})`);
            }
            if (next.protocol !== 'https:' &&
                !(next.protocol === 'http:' && this.mayUsePlainHttp(next.host))) {
                throw new RegistryError('redirect', `refusing redirect to insecure or unsupported URL ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .untrustedText */ .U)(redactUrl(next.href), 200)}`);
            }
            if (next.host !== url.host || next.protocol !== url.protocol) {
                // Credentials belong to the host that asked for them (distribution spec: MUST NOT forward).
                headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
            }
            url = next;
        }
    }
    async once(method, url, headers, maxBodyBytes) {
        const signal = AbortSignal.timeout(this.timeoutMs);
        const shown = redactUrl(url.href);
        this.onRequest?.(method, url.href);
        let response;
        try {
            response = await this.fetch(url.href, { method, headers, redirect: 'manual', signal });
        }
        catch (error) {
            throw transportError(error, `${method} ${shown}`, this.timeoutMs);
        }
        let body;
        try {
            body = await readCapped(response, maxBodyBytes, `${method} ${shown}`);
        }
        catch (error) {
            if (error instanceof RegistryError)
                throw error;
            throw transportError(error, `${method} ${shown}`, this.timeoutMs);
        }
        return { status: response.status, headers: response.headers, body, url: url.href };
    }
}
const NETWORK_HINTS = {
    ENOTFOUND: 'host not found: check the registry name',
    EAI_AGAIN: 'DNS lookup failed',
    ECONNREFUSED: 'nothing listens there',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'the connection timed out',
    EPIPE: 'the connection closed while sending',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    // undici's codes, which fetch reports for a connection that ends mid-exchange.
    UND_ERR_SOCKET: 'the connection closed before the response was complete',
    UND_ERR_CLOSED: 'the connection closed before the response was complete',
    UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
    UND_ERR_BODY_TIMEOUT: 'the response body stopped arriving',
    UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the body did not match its Content-Length',
    ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS there',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted'
};
function transportError(error, what, timeoutMs) {
    const e = error;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
        return new RegistryError('timeout', `${what} timed out after ${timeoutMs} ms`);
    }
    // Messages may quote the URL; a URL may carry user info (not ours, but not to be shown).
    const cause = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .untrustedText */ .U)((e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)).replace(/\/\/[^/@\s]*@/g, '//'), 200);
    const hint = NETWORK_HINTS[cause] ? ` (${NETWORK_HINTS[cause]})` : '';
    return new RegistryError(isTlsFailure(cause) ? 'tls' : 'network', `${what} failed: ${cause}${hint}`);
}
/** Handshake and certificate errors answer the same way every time. */
function isTlsFailure(code) {
    return (code.startsWith('ERR_SSL_') ||
        code === 'EPROTO' ||
        code.includes('CERT') ||
        code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
        code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
        code === 'ERR_TLS_CERT_ALTNAME_INVALID');
}
async function readCapped(response, maxBytes, what) {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new RegistryError('too-large', `${what}: response of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
    }
    if (!response.body)
        return Buffer.alloc(0);
    const chunks = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw new RegistryError('too-large', `${what}: response exceeds the ${maxBytes}-byte limit`);
        }
        chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks);
}
/** Query strings can carry signed-URL secrets (S3, CDN tokens): never log them. */
function redactUrl(href) {
    try {
        const url = new URL(href);
        url.username = '';
        url.password = '';
        url.hash = '';
        // Appended after serialising: assigned to `search`, the ellipsis would be percent-encoded.
        if (!url.search)
            return url.href;
        url.search = '';
        return `${url.href}?…`;
    }
    catch {
        return '<invalid URL>';
    }
}


/***/ }),

/***/ 5545:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ untrustedText),
/* harmony export */   V: () => (/* binding */ registryErrorCode)
/* harmony export */ });
/**
 * Text a registry chose (error codes, content types, header values, platform names) ends
 * up in error messages, annotations, outputs and the job summary. It is shown as one short
 * line, so a hostile or broken registry cannot forge workflow commands, flood the log or
 * hide the real cause behind kilobytes of filler.
 */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
/** `value` on one line, at most `max` characters, the cut marked with `…`. */
function untrustedText(value, max = 100) {
    const line = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
/** Distribution error codes are upper-case words (`MANIFEST_UNKNOWN`); anything else is not one. */
function registryErrorCode(value) {
    return typeof value === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(value) ? value : undefined;
}


/***/ }),

/***/ 3629:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  PG: () => (/* binding */ runUpdate)
});

// UNUSED EXPORTS: digestMoves, loadConfig, notice, planUpdate, rebaseUpdate, resolutionKey, resolveEntries, rewritePinnedText

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./src/config.ts
var src_config = __nccwpck_require__(2973);
// EXTERNAL MODULE: ./src/digest.ts
var digest = __nccwpck_require__(2187);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/fs-atomic.ts



function tempPrefix(path) {
    return `.${(0,external_node_path_.basename)(path)}.`;
}
/** Whether a process with this id exists (EPERM: it does, and is someone else's). */
function processExists(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/**
 * Removes temporary files a killed writer of `path` left behind: nothing can clean up after
 * a SIGKILL, and on a runner that keeps its workspace they would pile up as untracked files
 * that a later `git add -A` could commit. Only files of this function's own naming for this
 * very target, whose writer process no longer exists, are touched; a live writer's are not.
 */
async function removeStaleTempFiles(path) {
    const prefix = tempPrefix(path);
    let names;
    try {
        names = await (0,promises_.readdir)((0,external_node_path_.dirname)(path));
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix))
            continue;
        const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
        if (!match || processExists(Number(match[1])))
            continue;
        await (0,promises_.unlink)((0,external_node_path_.join)((0,external_node_path_.dirname)(path), name)).catch(() => undefined);
    }
}
/**
 * Writes through a temporary file in the same directory and renames it over the target,
 * so a crash or kill leaves either the old file or the new one, never a partial one.
 */
async function writeFileAtomic(path, text) {
    await removeStaleTempFiles(path);
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `${tempPrefix(path)}${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    let mode;
    try {
        mode = (await (0,promises_.stat)(path)).mode & 0o7777;
    }
    catch {
        mode = undefined;
    }
    const handle = await (0,promises_.open)(temp, 'wx', mode ?? 0o644);
    try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
    }
    catch (error) {
        await handle.close();
        await (0,promises_.unlink)(temp).catch(() => undefined);
        throw error;
    }
    await handle.close();
    try {
        await (0,promises_.rename)(temp, path);
    }
    catch (error) {
        await (0,promises_.unlink)(temp).catch(() => undefined);
        throw error;
    }
}

// EXTERNAL MODULE: ./src/reference.ts
var src_reference = __nccwpck_require__(8286);
;// CONCATENATED MODULE: ./src/pinned-files.ts
/**
 * The same digests pinned in other files: Dockerfiles, compose files, Kubernetes manifests,
 * workflows. Wherever `repository[:tag]@sha256:<old>` names an image whose digest moved, only
 * the 64 digest characters change; every other byte of the file stays as it was. Pure: text
 * in, text out, so the workspace copy and the base branch's copy go through the same code.
 */

/** Files larger than this are not read: pinned references live in small text files. */
const MAX_PINNED_FILE_BYTES = 1024 * 1024;
// The lookahead keeps a longer hex run (not a digest) from matching on its first 64 characters.
const DIGEST = /@sha256:([a-f0-9]{64})(?![0-9A-Za-z])/g;
/** Characters a reference can hold before its `@`: `host:port/path/name:tag`. */
const REFERENCE_CHAR = /[A-Za-z0-9._\-/:]/;
/**
 * What may stand right before a reference. Anything else (`$`, `}`, `%`, …) means the text
 * before the digest is a template or a variable, not a reference we can read, so it is left.
 */
const BEFORE_REFERENCE = /[\s"'`=,;([{<>|]/;
/** `docker://nginx@…` in a workflow's `uses:`, `docker-image://…` in a buildx context. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;
function canonicalRepository(registry, repository) {
    // Host names are case-insensitive; repository paths are lower-case by definition.
    return `${registry.toLowerCase()}/${repository}`;
}
function referenceBefore(text, at) {
    let start = at;
    while (start > 0 && REFERENCE_CHAR.test(text[start - 1]))
        start--;
    if (start > 0 && !BEFORE_REFERENCE.test(text[start - 1]))
        return undefined;
    const written = text.slice(start, at);
    const scheme = SCHEME.exec(written);
    return scheme ? written.slice(scheme[0].length) : written;
}
function lineAt(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/**
 * Rewrites every reference to a moved image that still carries the move's old digest. A
 * reference with a tag matches only a move of that tag; one without a tag matches any move of
 * the image from that exact digest. The registry may be written any way Docker accepts.
 */
function rewritePinnedReferences(text, moves) {
    const byDigest = new Map();
    moves.forEach((move, i) => {
        const hex = move.previous.replace(/^sha256:/, '');
        byDigest.set(hex, [...(byDigest.get(hex) ?? []), i]);
    });
    const repositories = moves.map(m => {
        const slash = m.repository.indexOf('/');
        return canonicalRepository(m.repository.slice(0, slash), m.repository.slice(slash + 1));
    });
    const applied = new Set();
    const ambiguous = [];
    const pieces = [];
    let copied = 0;
    let count = 0;
    for (const match of text.matchAll(DIGEST)) {
        const candidates = byDigest.get(match[1]);
        if (!candidates)
            continue;
        const written = referenceBefore(text, match.index);
        if (!written)
            continue;
        let reference;
        try {
            reference = (0,src_reference/* parseImageReference */.o_)(written);
        }
        catch {
            continue;
        }
        const repository = canonicalRepository(reference.registry, reference.repository);
        const matching = candidates.filter(i => repositories[i] === repository &&
            (reference.tag === undefined || moves[i].tag === reference.tag));
        if (matching.length === 0)
            continue;
        const currents = new Set(matching.map(i => moves[i].current));
        if (currents.size > 1) {
            ambiguous.push({ line: lineAt(text, match.index), reference: `${written}${match[0]}` });
            continue;
        }
        const start = match.index + '@sha256:'.length;
        pieces.push(text.slice(copied, start), [...currents][0].replace(/^sha256:/, ''));
        copied = start + 64;
        count++;
        for (const i of matching)
            applied.add(i);
    }
    pieces.push(text.slice(copied));
    return {
        text: count > 0 ? pieces.join('') : text,
        applied: [...applied].sort((a, b) => a - b),
        count,
        ambiguous
    };
}
function tooLarge(size, cap = MAX_PINNED_FILE_BYTES) {
    return `${size} bytes, over the ${cap}-byte cap for other files, so it is not read`;
}
/**
 * Reads bytes as text only when rewriting them cannot damage them: no NUL byte (binary),
 * within the size cap, and valid UTF-8 (so decoding and encoding again gives the same bytes).
 */
function decodePinnedFile(bytes, cap = MAX_PINNED_FILE_BYTES) {
    if (bytes.length > cap)
        return { skipped: tooLarge(bytes.length, cap) };
    if (bytes.includes(0))
        return { skipped: 'binary (it contains a NUL byte)' };
    const text = Buffer.from(bytes).toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(Buffer.from(bytes)))
        return { skipped: 'not valid UTF-8, so it cannot be rewritten byte for byte' };
    return { text };
}

// EXTERNAL MODULE: ./src/registry/http.ts
var http = __nccwpck_require__(8851);
// EXTERNAL MODULE: ./src/workspace-files.ts
var workspace_files = __nccwpck_require__(7076);
;// CONCATENATED MODULE: ./src/update.ts
/**
 * The core shared by the action and the CLI: read the config, resolve every entry,
 * rewrite moved digests, and describe the outcome as data. No `@actions/core` here.
 */








const TRANSPORT_KINDS = new Set([
    'network',
    'tls',
    'timeout',
    'redirect',
    'too-large',
    'insecure'
]);
async function loadConfig(options) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(options.configPath);
    }
    catch (error) {
        const code = error.code;
        throw new src_config/* ConfigError */.xL(options.configLabel, undefined, undefined, code === 'ENOENT'
            ? 'config file not found; create it or set the config input'
            : `cannot read the config file (${code ?? error.message})`, { cause: error });
    }
    return (0,src_config/* parseConfig */.o4)(options.configLabel, bytes, {
        defaultImage: options.defaultImage,
        defaultPlatform: options.defaultPlatform
    });
}
/** Resolves every entry, at most `concurrency` at a time; failures are captured per entry. */
async function resolveEntries(config, client, concurrency, onProgress) {
    const entries = config.entries;
    await client.prepare(entries.map(e => e.reference));
    const results = new Array(entries.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
        while (next < entries.length) {
            const entry = entries[next++];
            results[entry.index] = await resolveEntry(entry, client);
            onProgress?.(++done, entries.length);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, entries.length)) }, worker));
    return results;
}
async function resolveEntry(entry, client) {
    const previous = entry.digest;
    try {
        const { digest } = await client.resolveDigest(entry.reference, entry.platform, previous);
        const status = previous === undefined ? 'pinned' : previous === digest ? 'unchanged' : 'updated';
        return { entry, status, previous, current: digest };
    }
    catch (error) {
        let message = errorMessage(error);
        if (error instanceof http/* RegistryError */.gl && TRANSPORT_KINDS.has(error.kind)) {
            // Transport errors name a URL, not the image: say which image they cost.
            message = `${(0,src_reference/* formatImageReference */.my)(entry.reference)}: ${message}`;
        }
        return { entry, status: 'failed', previous, current: previous, error: message };
    }
}
function errorMessage(error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0] ?? message;
}
/** Pure: turns per-entry results into the rewritten text, outputs and matrix. */
function planUpdate(mode, config, results, pinnedFiles = []) {
    const moved = new Map();
    for (const r of results) {
        if ((r.status === 'updated' || r.status === 'pinned') && r.current)
            moved.set(r.entry.index, r.current);
    }
    const newText = moved.size > 0 ? (0,src_config/* rewriteDigests */.I3)(config, moved) : undefined;
    const updates = results
        .filter(r => moved.has(r.entry.index))
        .map(r => ({
        name: r.entry.name,
        image: (0,src_reference/* repositoryName */.aR)(r.entry.reference),
        tag: r.entry.reference.tag,
        platform: r.entry.platform?.text ?? null,
        previous: r.previous ?? null,
        current: r.current,
        files: pinnedFiles.filter(f => f.entries.includes(r.entry.index)).map(f => f.path)
    }));
    const failed = results
        .filter(r => r.status === 'failed')
        .map(r => ({
        name: r.entry.name,
        image: (0,src_reference/* repositoryName */.aR)(r.entry.reference),
        tag: r.entry.reference.tag,
        error: r.error ?? 'unknown error'
    }));
    return {
        mode,
        config,
        results,
        newText,
        pinnedFiles,
        changed: moved.size > 0,
        matrix: { include: results.map(matrixEntry) },
        updates,
        failed
    };
}
function matrixEntry(result) {
    const { entry, current } = result;
    const fields = { ...entry.fields };
    if (current)
        fields[entry.digestKey] = (0,digest/* formatStoredDigest */.Dp)(current, entry.digestForm);
    return {
        ...fields,
        image_ref: (0,src_reference/* formatImageReference */.my)({ ...entry.reference, digest: current })
    };
}
/** The whole run: matrix mode reads only; update mode resolves, rewrites and reports. */
async function runUpdate(options, client, logger, onProgress) {
    const config = await loadConfig(options);
    if (config.entries.length === 0)
        logger.warning(`${options.configLabel}: the containers list is empty`);
    const announced = options.announcedImage;
    const skipped = options.skipReason ??
        (announced !== undefined && !config.entries.some(e => (0,src_reference/* repositoryName */.aR)(e.reference) === announced)
            ? `${announced} was announced, but no entry of ${options.configLabel} uses it`
            : undefined);
    if (options.mode === 'update' && skipped !== undefined) {
        // The matrix still comes from the committed file, so a downstream job keeps working.
        const results = config.entries.map(entry => ({
            entry,
            status: 'as-committed',
            previous: entry.digest,
            current: entry.digest
        }));
        return {
            ...planUpdate('update', config, results),
            written: false,
            skipped
        };
    }
    if (options.mode === 'matrix') {
        const results = config.entries.map(entry => {
            if (!entry.digest) {
                logger.warning(`${options.configLabel}:${entry.line}: ${entry.name} has no digest; its image_ref is not pinned`);
            }
            return { entry, status: 'as-committed', previous: entry.digest, current: entry.digest };
        });
        return { ...planUpdate('matrix', config, results), written: false };
    }
    if (!client)
        throw new Error('update mode needs a registry client');
    // Globs are checked and expanded before any registry is asked, so a bad pattern fails fast.
    const candidates = await findPinnedFiles(options, logger);
    const results = await resolveEntries(config, client, options.concurrency, onProgress);
    const moves = digestMoves(results.filter(r => r.status === 'updated').map(r => ({ ...r, current: r.current })));
    const pinned = await rewritePinnedFiles(candidates, moves, logger);
    const plan = planUpdate('update', config, results, pinned);
    let written = false;
    if (plan.newText !== undefined && !options.dryRun) {
        await writeFileAtomic(options.configPath, plan.newText);
        // After the config, which is the record of what is pinned: if a write below fails, a
        // rerun finds these files still on the old digest and the config telling it which one.
        for (const file of pinned)
            await writeFileAtomic(file.absolutePath, file.newText);
        written = true;
    }
    return { ...plan, written };
}
/** A notice where the logger has them (the action's annotations), else an info line. */
function notice(logger, message) {
    if (logger.notice)
        logger.notice(message);
    else
        logger.info(message);
}
async function findPinnedFiles(options, logger) {
    if (!options.files || options.files.length === 0)
        return [];
    if (!options.workspace)
        throw new Error('the files option needs a workspace');
    const expanded = await (0,workspace_files/* expandWorkspaceFiles */.Jk)(options.workspace, options.files, [
        options.configPath
    ]);
    for (const pattern of expanded.unmatched)
        logger.warning(`files: pattern "${pattern}" matches no file in the workspace`);
    for (const { path, reason } of expanded.skipped)
        notice(logger, `files: skipped ${path}: it ${reason}`);
    return expanded.files;
}
/** The moves other files are searched for: entries that had a digest and got another one. */
function digestMoves(moved) {
    return moved
        .filter(m => m.previous !== undefined && m.previous !== m.current)
        .map(m => ({
        entry: m.entry,
        repository: (0,src_reference/* repositoryName */.aR)(m.entry.reference),
        tag: m.entry.reference.tag,
        previous: m.previous,
        current: m.current
    }));
}
/**
 * Rewrites one other file's text; undefined when nothing in it changes. `label` names the file
 * in messages (the path, or the path on a branch).
 */
function rewritePinnedText(label, bytes, moves, logger) {
    const decoded = decodePinnedFile(bytes);
    if ('skipped' in decoded) {
        notice(logger, `files: skipped ${label}: it is ${decoded.skipped}`);
        return undefined;
    }
    const rewrite = rewritePinnedReferences(decoded.text, moves);
    for (const a of rewrite.ambiguous)
        logger.warning(`${label}:${a.line}: ${a.reference} was left as it is: it names no tag, and entries of that image moved from this digest to different ones; write the tag in the reference`);
    if (rewrite.count === 0)
        return undefined;
    return { text: decoded.text, newText: rewrite.text, moves: rewrite.applied.map(i => moves[i]) };
}
async function rewritePinnedFiles(files, moves, logger) {
    if (moves.length === 0)
        return [];
    const pinned = [];
    for (const file of files) {
        let bytes;
        try {
            const size = (await (0,promises_.stat)(file.absolutePath)).size;
            if (size > MAX_PINNED_FILE_BYTES) {
                notice(logger, `files: skipped ${file.path}: it is ${tooLarge(size)}`);
                continue;
            }
            bytes = await (0,promises_.readFile)(file.absolutePath);
        }
        catch (error) {
            const code = error.code;
            throw new Error(`files: cannot read ${file.path} (${code ?? error.message})`, {
                cause: error
            });
        }
        const rewrite = rewritePinnedText(file.path, bytes, moves, logger);
        if (!rewrite)
            continue;
        pinned.push({
            ...file,
            text: rewrite.text,
            newText: rewrite.newText,
            entries: [...new Set(rewrite.moves.map(m => m.entry.index))].sort((a, b) => a - b)
        });
    }
    return pinned;
}
/** Entries that name the same image, tag and platform resolve to the same digest. */
function resolutionKey(entry) {
    return `${repositoryName(entry.reference)}:${entry.reference.tag}|${entry.platform?.text ?? ''}`;
}
/**
 * Applies the digests this run resolved to another copy of the config, such as the one on
 * the base branch's head, so a pull request never reverts changes made after checkout.
 * Entries are matched by image, tag and platform; entries this run could not verify, and
 * entries it does not know, keep what that copy holds.
 */
function rebaseUpdate(label, text, defaults, results) {
    const resolved = new Map();
    for (const r of results) {
        if (r.status !== 'failed' && r.status !== 'as-committed' && r.current)
            resolved.set(resolutionKey(r.entry), r.current);
    }
    const other = parseConfig(label, text, defaults);
    const moved = new Map();
    const changes = [];
    for (const entry of other.entries) {
        const current = resolved.get(resolutionKey(entry));
        if (!current || current === entry.digest)
            continue;
        moved.set(entry.index, current);
        changes.push({ entry, previous: entry.digest, current });
    }
    return { newText: moved.size > 0 ? rewriteDigests(other, moved) : undefined, moved: changes };
}


/***/ }),

/***/ 7076:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jk: () => (/* binding */ expandWorkspaceFiles),
/* harmony export */   wD: () => (/* binding */ FilesPatternError)
/* harmony export */ });
/* unused harmony exports expandBraces, compilePatterns */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Which workspace files the `files` globs name. Globs are relative to the workspace and can
 * never leave it: `..` and absolute patterns are refused, symbolic links are never followed,
 * and `.git` is never entered. Supported: `*` and `?` within a path segment, `**` for any
 * number of directories, `{a,b}` alternatives. `*` matches names starting with a dot too, so
 * `**\/*.yml` finds `.github/workflows/ci.yml`. Anything else is a literal character.
 */


class FilesPatternError extends Error {
    name = 'FilesPatternError';
}
const MAGIC = /[*?]/;
const LINK = 'is a symbolic link, which is never followed; name the file it points to instead';
/** `{a,b}x{c,d}` → `acx`… Unbalanced or single-choice braces stay literal. */
function expandBraces(pattern) {
    let depth = 0;
    let open = -1;
    const commas = [];
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '{') {
            if (depth++ === 0) {
                open = i;
                commas.length = 0;
            }
        }
        else if (c === '}' && depth > 0) {
            if (--depth === 0) {
                if (commas.length === 0)
                    continue;
                const head = pattern.slice(0, open);
                const tail = pattern.slice(i + 1);
                const bounds = [open, ...commas, i];
                const choices = bounds.slice(1).map((end, k) => pattern.slice(bounds[k] + 1, end));
                return choices.flatMap(choice => expandBraces(`${head}${choice}${tail}`));
            }
        }
        else if (c === ',' && depth === 1) {
            commas.push(i);
        }
    }
    return [pattern];
}
function segmentSource(segment) {
    let out = '';
    for (const c of segment) {
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else
            out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    return out;
}
function compile(written, text) {
    const segments = text.split('/');
    let source = '^';
    segments.forEach((segment, i) => {
        const last = i === segments.length - 1;
        if (segment === '**')
            source += last ? '.*' : '(?:[^/]+/)*';
        else
            source += segmentSource(segment) + (last ? '' : '/');
    });
    const firstMagic = segments.findIndex(s => MAGIC.test(s));
    return {
        written,
        text,
        regex: new RegExp(`${source}$`),
        base: firstMagic === -1 ? segments.slice(0, -1) : segments.slice(0, firstMagic),
        literal: firstMagic === -1
    };
}
/**
 * Checks and compiles the patterns: a pattern that is absolute or climbs out with `..` is an
 * error, raised before anything is read.
 */
function compilePatterns(patterns) {
    const compiled = [];
    for (const written of patterns) {
        for (const expanded of expandBraces(written.trim())) {
            const what = expanded === written ? `"${written}"` : `"${written}" (as "${expanded}")`;
            if (/^([/\\]|[A-Za-z]:)/.test(expanded))
                throw new FilesPatternError(`files: pattern ${what} is absolute; write it relative to the workspace`);
            const segments = expanded.split(/[/\\]+/).filter(s => s !== '' && s !== '.');
            if (segments.includes('..'))
                throw new FilesPatternError(`files: pattern ${what} leaves the workspace with ".."; only files inside the workspace can be updated`);
            if (segments.length === 0)
                throw new FilesPatternError(`files: pattern ${what} names no file`);
            compiled.push(compile(written, segments.join('/')));
        }
    }
    return compiled;
}
/**
 * Finds the files the patterns name under `root`, sorted by path, each once. Paths in
 * `exclude` (absolute) are left out: the config is updated on its own.
 */
async function expandWorkspaceFiles(root, patterns, exclude = []) {
    const compiled = compilePatterns(patterns);
    const top = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(root);
    const excluded = new Set();
    for (const path of exclude)
        excluded.add(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(path).catch(() => path));
    const found = new Map();
    const skipped = new Map();
    const hits = new Set();
    const visited = new Set();
    const consider = async (relative, absolute) => {
        const matching = compiled.filter(p => p.regex.test(relative));
        if (matching.length === 0)
            return;
        let info;
        try {
            info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(absolute);
        }
        catch {
            return;
        }
        if (info.isSymbolicLink()) {
            for (const p of matching)
                hits.add(p);
            skipped.set(relative, LINK);
            return;
        }
        if (!info.isFile())
            return;
        for (const p of matching)
            hits.add(p);
        if (excluded.has(absolute))
            return;
        found.set(relative, { path: relative, absolutePath: absolute });
    };
    const walk = async (relative) => {
        if (visited.has(relative))
            return;
        visited.add(relative);
        const absolute = relative === '' ? top : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(top, ...relative.split('/'));
        let entries;
        try {
            entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(absolute, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
            if (entry.isDirectory()) {
                if (entry.name !== '.git')
                    await walk(child);
            }
            else {
                await consider(child, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(absolute, entry.name));
            }
        }
    };
    for (const pattern of compiled) {
        // Every directory on the way must be a real one: lstat follows links in all but the last
        // component, so a linked directory is refused here rather than read through.
        let ok = true;
        for (let i = 1; i <= pattern.base.length && ok; i++) {
            const prefix = pattern.base.slice(0, i);
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(top, ...prefix)).catch(() => undefined);
            ok = info?.isDirectory() === true && prefix[i - 1] !== '.git';
            if (info?.isSymbolicLink()) {
                hits.add(pattern);
                skipped.set(prefix.join('/'), LINK);
            }
        }
        if (!ok)
            continue;
        if (pattern.literal)
            await consider(pattern.text, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(top, ...pattern.text.split('/')));
        else
            await walk(pattern.base.join('/'));
    }
    return {
        files: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
        skipped: [...skipped]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([path, reason]) => ({ path, reason })),
        // A pattern with alternatives is unmatched only when none of them matched.
        unmatched: [...new Set(compiled.map(p => p.written))].filter(written => !compiled.some(p => p.written === written && hits.has(p)))
    };
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
exports.YR = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 8330:
/***/ ((module) => {

module.exports = {"rE":"0.1.0"};

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
