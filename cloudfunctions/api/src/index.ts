// The cloud function `api`: one function carries every request and every timer (docs/adr/0002-one-routed-function.md).
import * as cloud from 'wx-server-sdk';
import { handleRequest } from './router';
import { runTimer, trustedTimerEvent } from './timers';

export async function main(event: unknown): Promise<unknown> {
  // A body shaped like a timer event from a caller is just an unknown request (docs/adr/0050-timer-events-trusted-by-source.md).
  const timer = trustedTimerEvent(event, cloud.getWXContext());
  if (timer) return runTimer(timer);
  return handleRequest(event);
}
