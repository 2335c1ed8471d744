/**
 * Types of the plain-JavaScript scripts for their TypeScript callers (electron/main/protocol.ts, the tests, the
 * Playwright config). The scripts stay .mjs so that Node runs them without a loader; tsconfig.node.json does not
 * check JavaScript, so these declarations are what the compiler sees. Keep them in step with the JSDoc.
 */

declare module '*/static-site.mjs' {
  export type StaticPath =
    | {
        kind: 'file';
        filePath: string;
        /** No extension: an unknown path falls back to index.html. */ spaFallback: boolean;
      }
    | { kind: 'forbidden' }
    | { kind: 'bad-request' };

  export interface StaticResponse {
    status: number;
    headers: Record<string, string>;
    body: Uint8Array;
  }

  export const CONTENT_SECURITY_POLICY: string;
  export const SECURITY_HEADERS: Readonly<Record<string, string>>;
  export const MIME_TYPES: Readonly<Record<string, string>>;
  export function mimeTypeFor(filePath: string): string;
  export function resolveStaticPath(root: string, urlPath: string): StaticPath;
  export function loadStaticFile(request: {
    root: string;
    urlPath: string;
    readFile: (filePath: string) => Promise<Uint8Array>;
  }): Promise<StaticResponse>;
}

declare module '*/serve.mjs' {
  export interface RunningServer {
    url: string;
    port: number;
    close(): Promise<void>;
  }

  export const DEFAULT_PORT: number;
  export const DEFAULT_HOST: string;
  export const SERVER_NAME: string;
  export const REPO_ROOT: string;
  export const RENDERER_ROOT: string;
  export function choosePort(flag: string | undefined, env: NodeJS.ProcessEnv): number;
  export function assertRendererBuilt(root: string): void;
  /** Serves `root` (default dist/renderer) on `host:port` (default 127.0.0.1:47615; port 0 picks a free one). */
  export function serve(options?: { root?: string; port?: number; host?: string }): Promise<RunningServer>;
  export function isSafeTrainServer(url: string): Promise<boolean>;
}

declare module '*/electron-runtime.mjs' {
  export function findElectronRuntime(options?: {
    electronDir?: string | null;
    env?: NodeJS.ProcessEnv;
    platform?: NodeJS.Platform;
    exists?: (filePath: string) => boolean;
  }): string | null;
}

declare module '*/browser-mode.mjs' {
  export interface Host {
    platform: NodeJS.Platform;
    env: NodeJS.ProcessEnv;
    home: string;
    exists: (filePath: string) => boolean;
  }

  export function currentHost(): Host;
  export function dataFolder(host: Pick<Host, 'platform' | 'env' | 'home'>): string;
  export function browserCandidates(host: Pick<Host, 'platform' | 'env'>): string[];
  export function findBrowser(host: Host): string | null;
  /** Creates the browser profile folder and, on first use only, preferences that turn translation offers off. */
  export function prepareProfile(profileDir: string): void;
  export function browserArgs(options: { url: string; profileDir: string; runningAsRoot: boolean }): string[];
  export function isLinuxRoot(platform: NodeJS.Platform, getuid: (() => number) | undefined): boolean;
}

declare module '*/test-summary.mjs' {
  export interface Counts {
    passed: number;
    failed: number;
    skipped: number;
  }
  export function countReport(report: unknown): Counts;
  export function summarize(files: string[]): Counts;
}

declare module '*/bench-lib.mjs' {
  export interface MetricResult {
    unit: 'ms' | 's' | 'ratio';
    p50?: number;
    p95?: number;
    median?: number;
    min?: number;
    max?: number;
    baseline?: number;
    ratio?: number;
    /** The same figure (p95 where there is one, else the median) at a tenth of the size. */
    small?: number;
  }
  export interface BenchResults {
    metrics: Record<string, MetricResult>;
    size: Record<string, number | string>;
    machine: Record<string, number | string>;
  }
  export interface Summary {
    min: number;
    median: number;
    max: number;
    p50: number;
    p95: number;
    count: number;
  }
  type NumericField = 'p50' | 'p95' | 'median' | 'min' | 'max' | 'baseline' | 'ratio' | 'small';
  export const NUMERIC_FIELDS: readonly NumericField[];
  export const GOALS: Readonly<Record<string, ReadonlyArray<{ field: NumericField; max: number }>>>;
  export function percentile(samples: readonly number[], p: number): number;
  export function median(samples: readonly number[]): number;
  export function summarize(samples: readonly number[]): Summary;
  export function perOperation(batchTotals: readonly number[], batchSize: number): number[];
  export function round(value: number): number;
  export function headlineField(metric: MetricResult): 'p95' | 'median';
  export function cleanMetric(metric: MetricResult): MetricResult;
  export function withGrowth(
    full: Record<string, MetricResult>,
    tenth: Record<string, MetricResult> | undefined,
  ): Record<string, MetricResult>;
  export function goalVerdict(name: string, metric: MetricResult): string;
  export function goalText(name: string): string;
  export function formatTable(results: BenchResults): string;
}
