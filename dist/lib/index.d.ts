/** One reference's answer. Exactly one of `pinned` (with `digest`) and `error` is set. */
export interface ImageDigest {
    /** The reference as given. */
    reference: string;
    /** The reference as given, its digest added or replaced: `nginx:1.27@sha256:…`. */
    pinned: string | null;
    digest: `sha256:${string}` | null;
    /** One line saying why the image could not be resolved. */
    error: string | null;
}
/**
 * Where registry credentials come from. `'none'`: anonymous access only. Otherwise
 * `registryAuth`, YAML or JSON text mapping a registry host to `{username, password}`, is
 * asked first, then the Docker config `docker login` writes (with its credential helpers),
 * at `dockerConfig` or, when not given, `$DOCKER_CONFIG/config.json` or
 * `~/.docker/config.json`; `dockerConfig: false` reads none.
 */
export type RegistryCredentials = 'none' | {
    registryAuth?: string;
    dockerConfig?: string | false;
};
/** Any of these may be missing; `console` and most loggers (pino, winston) fit. */
export interface ResolveLogger {
    debug?(message: string): void;
    info?(message: string): void;
    warn?(message: string): void;
}
export interface ResolveOptions {
    /** Default: the Docker config at its usual place, as the command line reads it. */
    credentials?: RegistryCredentials;
    /** `os/architecture[/variant]`: pin that platform's manifest instead of the index. */
    platform?: string;
    /** References resolved, and requests sent, at once: 1 to 64, default 8. */
    concurrency?: number;
    /** Milliseconds one request may take, headers and body: 500 to 300000, default 30000. */
    timeout?: number;
    /** Attempts per request on network errors, 408, 429 and 5xx: 1 to 10, default 3. */
    maxAttempts?: number;
    /** Hosts that may be reached over plain HTTP; loopback needs none. */
    insecureRegistries?: readonly string[];
    logger?: ResolveLogger;
}
/**
 * Every reference's current digest, in the order given; identical references are asked
 * once. Resolves for every answer, failed ones included.
 */
export declare function resolveImageDigests(references: readonly string[], options?: ResolveOptions): Promise<ImageDigest[]>;
/** One reference's current digest; resolves with an error answer when it cannot be had. */
export declare function resolveImageDigest(reference: string, options?: ResolveOptions): Promise<ImageDigest>;
