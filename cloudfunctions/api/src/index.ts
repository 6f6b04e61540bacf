// The cloud function `api`: one function carries every request and every timer (docs/adr/0002-one-routed-function.md).
import * as cloud from 'wx-server-sdk';
import { handleRequest } from './router';
import { runTimer, trustedTimerEvent } from './timers';
import { httpRequestOf, isHttpInvocation } from './http/door';
import { handleOpenData } from './http/open311';

export async function main(event: unknown): Promise<unknown> {
  // A body shaped like a timer event from a caller is just an unknown request (docs/adr/0050-timer-events-trusted-by-source.md).
  const timer = trustedTimerEvent(event, cloud.getWXContext());
  if (timer) return runTimer(timer);
  // Through HTTP access: the read-only open-data feed and nothing else (docs/adr/0123-open-data-feed-over-http.md).
  if (isHttpInvocation(cloud.getWXContext())) return handleOpenData(httpRequestOf(event));
  return handleRequest(event);
}
