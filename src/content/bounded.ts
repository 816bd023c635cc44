/**
 * Keeps `map` to at most `limit` entries by dropping the oldest inserted ones. A Gmail tab stays
 * open all day: what it remembers of threads, people and messages must not grow with every row
 * ever scrolled past. Anything dropped is simply asked or sent again when it is seen again.
 */
export function trimOldest<K>(map: Map<K, unknown> | Set<K>, limit: number): void {
  for (const key of map.keys()) {
    if (map.size <= limit) return;
    map.delete(key);
  }
}

/** A set that forgets its oldest members beyond `limit`. */
export class RecentSet<T> {
  private readonly members = new Set<T>();

  constructor(private readonly limit: number) {}

  has(value: T): boolean {
    return this.members.has(value);
  }

  add(value: T): void {
    this.members.delete(value);
    this.members.add(value);
    trimOldest(this.members, this.limit);
  }

  delete(value: T): void {
    this.members.delete(value);
  }

  get size(): number {
    return this.members.size;
  }
}
