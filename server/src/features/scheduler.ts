/**
 * When a document is validated: after a pause in typing (debounced per document), or at once
 * when the pause is 0. Each run validates whatever version is current by then, so a burst of
 * changes costs one check.
 */
export class ValidationScheduler {
  private pending = new Map<string, { cancel(): void }>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string) => void,
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const fire = () => {
      this.pending.delete(uri);
      this.run(uri);
    };
    if (this.delayMs <= 0 && typeof setImmediate === 'function') {
      const handle = setImmediate(fire);
      this.pending.set(uri, { cancel: () => clearImmediate(handle) });
    } else {
      // A web worker has no setImmediate: a zero timeout is the nearest thing.
      const handle = setTimeout(fire, Math.max(0, this.delayMs));
      this.pending.set(uri, { cancel: () => clearTimeout(handle) });
    }
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
  }
}
