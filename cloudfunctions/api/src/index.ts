// The cloud function `api`: one function carries every request and every timer (docs/adr/0002-one-routed-function.md).
import { handleRequest } from './router';
import { isTimerEvent, runTimer } from './timers';

export async function main(event: unknown): Promise<unknown> {
  if (isTimerEvent(event)) return runTimer(event);
  return handleRequest(event);
}
