/**
 * The pairs kept: the best `limit` pairs found so far (a heap with the worst on top) in the
 * ranking order (score, demand, then dataset order), and a max-queue of buyers by bound.
 */

/** A pair found for a buyer: its score, demand (for ties), supplier, buyer and the via (index) it rests on. */
export interface FoundPair {
  score: number;
  demand: number;
  supplier: number;
  buyer: number;
  via: number;
}

/**
 * Ranking order of pairs (> 0: x first): score, demand, then dataset order of supplier and buyer.
 *
 * @example
 * pairs.sort((x, y) => better(y, x)); // best first
 */
export function better(x: FoundPair, y: FoundPair): number {
  return x.score - y.score || x.demand - y.demand || y.supplier - x.supplier || y.buyer - x.buyer;
}

/**
 * The best `capacity` pairs offered (all when Infinity): a heap with the worst kept on top.
 *
 * @example
 * const kept = new TopPairs(20);
 * kept.offer(score, demand, supplier, buyer, via);
 * kept.sorted();
 */
export class TopPairs {
  private readonly heap: FoundPair[] = [];
  constructor(readonly capacity: number) {}

  /** Whether `capacity` pairs are kept (never when Infinity). */
  full(): boolean {
    return this.heap.length >= this.capacity;
  }

  /** Score of the worst pair kept (when full). */
  worstScore(): number {
    return this.heap[0]!.score;
  }

  offer(score: number, demand: number, supplier: number, buyer: number, via: number): void {
    const heap = this.heap;
    if (this.capacity === Number.POSITIVE_INFINITY) {
      heap.push({ score, demand, supplier, buyer, via });
      return;
    }
    if (heap.length < this.capacity) {
      heap.push({ score, demand, supplier, buyer, via });
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (better(heap[parent]!, heap[i]!) <= 0) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
      return;
    }
    if (heap.length === 0) return;
    const worst = heap[0]!;
    if (!((score - worst.score || demand - worst.demand || worst.supplier - supplier || worst.buyer - buyer) > 0)) return;
    heap[0] = { score, demand, supplier, buyer, via };
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const child = left + 1 < heap.length && better(heap[left]!, heap[left + 1]!) > 0 ? left + 1 : left;
      if (better(heap[i]!, heap[child]!) <= 0) break;
      [heap[child], heap[i]] = [heap[i]!, heap[child]!];
      i = child;
    }
  }

  /** The pairs kept, best first. */
  sorted(): FoundPair[] {
    return this.heap.sort((x, y) => better(y, x));
  }
}

/**
 * Indices 0 .. n − 1 taken out by decreasing key (a binary heap).
 *
 * @example
 * const queue = new MaxQueue(bound, s.int32(bound.length));
 * for (let i = queue.pop(); i >= 0; i = queue.pop()) visit(i);
 */
export class MaxQueue {
  private readonly heap: Int32Array;
  private size: number;
  /** `heap`: an array of key.length entries to work in (overwritten). */
  constructor(
    private readonly key: Float64Array,
    heap: Int32Array,
  ) {
    this.size = key.length;
    this.heap = heap;
    this.heapify();
  }

  private heapify(): void {
    for (let i = 0; i < this.heap.length; i++) this.heap[i] = i;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The index with the largest key left, or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.size--;
    this.heap[0] = this.heap[this.size]!;
    this.down(0);
    return top;
  }

  private down(i: number): void {
    const { heap, key } = this;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const child = left + 1 < this.size && key[heap[left + 1]!]! > key[heap[left]!]! ? left + 1 : left;
      if (!(key[heap[child]!]! > key[heap[i]!]!)) return;
      const t = heap[i]!;
      heap[i] = heap[child]!;
      heap[child] = t;
      i = child;
    }
  }
}
