// Cloud calls in flight, so tests and screenshots can wait until a page has its data (instead of guessing a delay).
let pending = 0;
let lastChange = performance.now();

export async function tracked<T>(work: () => Promise<T>): Promise<T> {
  pending++;
  lastChange = performance.now();
  try {
    return await work();
  } finally {
    pending--;
    lastChange = performance.now();
    noteCloudDone();
  }
}

/** True when no cloud call is in flight and none ended in the last `quietMs`. */
export function isIdle(quietMs = 300): boolean {
  return pending === 0 && performance.now() - lastChange >= quietMs;
}

// WeChat lets wx.requestSubscribeMessage run only from a user's tap: not from onLoad, a timer, or after an awaited
// cloud call. The preview tracks the last tap and whether a cloud call finished since.
let lastTapAt = -Infinity;
let cloudDoneSinceTap = false;

export function noteTap(): void {
  lastTapAt = performance.now();
  cloudDoneSinceTap = false;
}

export function noteCloudDone(): void {
  cloudDoneSinceTap = true;
}

/** Whether a gesture-only API called now would be honoured by WeChat (as far as the preview can tell). */
export function inTapGesture(windowMs = 3000): boolean {
  return performance.now() - lastTapAt <= windowMs && !cloudDoneSinceTap;
}
