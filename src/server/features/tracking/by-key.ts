/**
 * A map keyed by source and a second string (a user key or messageId), as a map per source: a write
 * looks up every event's user and messageId, and a concatenated key would build and hash a new
 * string for each lookup.
 */
export class ByKey<V> {
  private readonly sources = new Map<string, Map<string, V>>();
  size = 0;

  get(source: string, key: string): V | undefined {
    return this.sources.get(source)?.get(key);
  }

  has(source: string, key: string): boolean {
    return this.sources.get(source)?.has(key) ?? false;
  }

  set(source: string, key: string, value: V): void {
    let values = this.sources.get(source);
    if (values === undefined) {
      values = new Map();
      this.sources.set(source, values);
    }
    const before = values.size;
    values.set(key, value);
    this.size += values.size - before;
  }

  forEach(visit: (source: string, key: string, value: V) => void): void {
    for (const [source, values] of this.sources) for (const [key, value] of values) visit(source, key, value);
  }

  clear(): void {
    this.sources.clear();
    this.size = 0;
  }
}
