// Cloud functions known to this local cloud, by name, for cloud.callFunction() between functions.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a cloud function's main(event, context), as deployed
export type FunctionMain = (event: any, context: any) => unknown;

const functions = new Map<string, FunctionMain>();

export function registerFunction(name: string, main: FunctionMain): void {
  if (typeof main !== 'function') throw new Error(`local cloud: registerFunction("${name}"): main must be a function`);
  functions.set(name, main);
}

export function registeredFunction(name: string): FunctionMain | undefined {
  return functions.get(name);
}

export function registeredNameOf(main: FunctionMain): string | undefined {
  for (const [name, fn] of functions) if (fn === main) return name;
  return undefined;
}
