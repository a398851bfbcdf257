/**
 * The first free lane for each x, in order of x: a lane is free once its last dot is `spacing` behind. Because x
 * only grows, lanes fall free in the order they were last used, so a queue of busy lanes and a min-heap of free ones
 * give the lowest free lane in O(log lanes): n log n in all, where scanning every lane per dot was n × lanes.
 */
export function stackInLanes(xs: readonly number[], spacing: number): { lanes: number[]; laneCount: number } {
  const lanes: number[] = [];
  const busy: { lane: number; x: number }[] = [];
  let busyHead = 0;
  const free: number[] = [];
  let laneCount = 0;
  for (const x of xs) {
    while (busyHead < busy.length && x - busy[busyHead]!.x >= spacing) heapPush(free, busy[busyHead++]!.lane);
    const lane = free.length ? heapPop(free) : laneCount++;
    busy.push({ lane, x });
    lanes.push(lane);
  }
  return { lanes, laneCount };
}

function heapPush(heap: number[], value: number): void {
  let i = heap.push(value) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= value) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = value;
}

function heapPop(heap: number[]): number {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length) {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const child = left + 1 < heap.length && heap[left + 1]! < heap[left]! ? left + 1 : left;
      if (heap[child]! >= last) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
  return top;
}
