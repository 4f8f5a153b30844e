// A stand-in for the Rust back end, for tests that mock `invoke`:
//
//   vi.mock("@tauri-apps/api/core", async () => ({
//     invoke: (await import("../../lib/ipc/fakeBackend")).fakeInvoke,
//   }));
//
// Each test says how commands answer (`answer("get_draft", () => null)`), then
// reads what was asked (`asked("save_draft")`). A command with no answer set
// fails as the back end would, with `{ code, message }`, so a test notices it.
// Only tests import this file.

import type { Command } from "./bindings/Command";

type Args = Record<string, unknown>;
type Handler = (args: Args) => unknown;

const handlers = new Map<string, Handler>();
const calls: { command: string; args: Args }[] = [];

/** How `command` answers from now on: the handler's value, or what it throws (a `{ code, message }`). */
export function answer(command: Command, handler: Handler): void {
  handlers.set(command, handler);
}

/** The arguments of every call of `command` so far, oldest first. */
export function asked(command: Command): Args[] {
  return calls.filter((c) => c.command === command).map((c) => c.args);
}

/** Forget every answer and every call. */
export function resetBackend(): void {
  handlers.clear();
  calls.length = 0;
}

export async function fakeInvoke(command: string, args: Args = {}): Promise<unknown> {
  calls.push({ command, args });
  const handler = handlers.get(command);
  if (handler === undefined) throw { code: "internal", message: `The test gave no answer for ${command}.` };
  return handler(args);
}
