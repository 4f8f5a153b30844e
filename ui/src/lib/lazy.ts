// A module loaded on demand, once. The first screen (unlock or create) parses only
// what it shows; the journal's screens come when the vault opens, ECharts when a
// chart is first drawn. `preload` starts a load early (the journal's screens while
// Argon2id runs after the passphrase is sent). A load that fails is tried again
// by the next `get`, never cached as failed.

export interface Lazy<T> {
  /** The module, loading it if it is not loaded yet. */
  get(): Promise<T>;
  /** Starts loading without waiting; a failure here is left for `get` to report. */
  preload(): void;
  /** The module if it has loaded, else null. */
  readonly loaded: T | null;
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | null = null;
  let loaded: T | null = null;
  const get = (): Promise<T> => {
    if (pending === null) {
      pending = load().then(
        (module) => {
          loaded = module;
          return module;
        },
        (reason: unknown) => {
          pending = null;
          throw reason;
        },
      );
    }
    return pending;
  };
  return {
    get,
    preload: () => {
      get().catch(() => {
        // Reported by the next get().
      });
    },
    get loaded() {
      return loaded;
    },
  };
}
