export const id = 887;
export const ids = [887];
export const modules = {

/***/ 2887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createAnonymousOctokit: () => (/* binding */ createAnonymousOctokit),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   rateLimitWait: () => (/* binding */ rateLimitWait)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);
/**
 * The Octokit the action uses: `getOctokit` for GITHUB_API_URL (GitHub Enterprise Server,
 * GHE.com) and proxies from the environment, plus polite waits on rate limits, because a
 * scheduled job that fails on a secondary rate limit just moves the problem two weeks on.
 */

const DEFAULT_POLICY = {
    attempts: 3,
    maxWaitMs: 120_000,
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    now: () => Date.now()
};
/** How long GitHub asks us to wait, or undefined when the error is not a rate limit. */
function rateLimitWait(error, now) {
    const e = error;
    if (e.status !== 403 && e.status !== 429)
        return undefined;
    const headers = e.response?.headers ?? {};
    const retryAfter = Number(headers['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter >= 0)
        return retryAfter * 1000;
    if (String(headers['x-ratelimit-remaining']) === '0') {
        const reset = Number(headers['x-ratelimit-reset']);
        if (Number.isFinite(reset))
            return Math.max(0, reset * 1000 - now) + 1000;
    }
    if (/secondary rate limit/i.test(e.message ?? ''))
        return 60_000;
    return undefined;
}
/** Request fields holding text a person reads: pull request title and body, commit message. */
const SCRUBBED = ['title', 'body', 'message'];
function createOctokit(token, logger, policy = DEFAULT_POLICY, scrub = text => text) {
    return withPoliteWaits((0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: apiUrl() }), logger, policy, scrub);
}
/**
 * An Octokit that sends no token at all: the command line's, when it has none, for what
 * github.com answers anonymously. getOctokit insists on a token; this auth strategy, which
 * sends none, takes the token's place.
 */
function createAnonymousOctokit(logger, policy = DEFAULT_POLICY) {
    const unauthenticated = () => Object.assign(async () => ({ type: 'unauthenticated' }), {
        hook: (request, options) => request(options)
    });
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)('unused', { baseUrl: apiUrl(), authStrategy: unauthenticated });
    return withPoliteWaits(octokit, logger, policy);
}
/** Read at call time: @actions/github resolves GITHUB_API_URL once, when first imported. */
function apiUrl() {
    return process.env.GITHUB_API_URL || 'https://api.github.com';
}
function withPoliteWaits(octokit, logger, policy, scrub = text => text) {
    // Every text the action writes to GitHub passes here: secrets leave no pull request,
    // commit or comment, whatever template or registry answer carried them.
    octokit.hook.before('request', options => {
        const params = options;
        for (const key of SCRUBBED) {
            if (typeof params[key] === 'string')
                params[key] = scrub(params[key]);
        }
    });
    octokit.hook.wrap('request', async (request, options) => {
        for (let attempt = 1;; attempt++) {
            try {
                return await request(options);
            }
            catch (error) {
                const wait = rateLimitWait(error, policy.now());
                if (wait === undefined || attempt >= policy.attempts)
                    throw error;
                if (wait > policy.maxWaitMs) {
                    throw new Error(`GitHub rate limit: ${options.method} ${options.url} may be retried only in ${Math.ceil(wait / 1000)} s; run again later`, { cause: error });
                }
                logger.warning(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${Math.ceil(wait / 1000)} s`);
                await policy.sleep(wait);
            }
        }
    });
    return octokit;
}


/***/ })

};
