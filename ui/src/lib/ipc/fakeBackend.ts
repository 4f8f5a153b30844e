// A stand-in for the Rust back end in tests: `invoke` (mocked with
// `vi.mock("@tauri-apps/api/core", ...)`) answers each command from what the
// test gave it, and remembers what was asked. Everything else (the IPC
// modules, `call`'s lock rule, the error type) is the real code.

import type { Command } from "./bindings/Command";
import type { ErrorCode } from "./error";

type Args = Record<string, unknown>;
type Answer = (args: Args) => unknown;
type InvokeMock = { mockReset(): unknown; mockImplementation(fn: (command: string, args?: Args) => Promise<unknown>): unknown };

export class FakeBackend {
  readonly calls: { command: string; args: Args }[] = [];
  readonly #answers = new Map<string, Answer>();

  constructor(invoke: InvokeMock) {
    invoke.mockReset();
    invoke.mockImplementation(async (command: string, args: Args = {}) => {
      this.calls.push({ command, args });
      const answer = this.#answers.get(command);
      if (answer === undefined) throw { code: "internal", message: `no answer for ${command}` };
      return answer(args);
    });
  }

  /** Answer `command` with `answer(args)` (a value, or a promise of one, or a throw). */
  on(command: Command, answer: Answer): this {
    this.#answers.set(command, answer);
    return this;
  }

  /** Answer `command` with this value every time. */
  returns(command: Command, value: unknown): this {
    return this.on(command, () => value);
  }

  /** Refuse `command` the way the back end does: `{ code, message }`. */
  /** `command` is refused with `code` (and the input `field` at fault, when there is one). */
  fails(command: Command, code: ErrorCode, message = "refused", field?: string): this {
    return this.on(command, () => {
      throw field === undefined ? { code, message } : { code, message, field };
    });
  }

  /** The arguments of every call of `command`, in order. */
  argsOf(command: Command): Args[] {
    return this.calls.filter((c) => c.command === command).map((c) => c.args);
  }
}

/**
 * A stand-in for Tauri's `Channel` (mock it in with `Channel: FakeChannel`):
 * the test plays the back end by calling `onmessage` with each report.
 */
export class FakeChannel<T> {
  onmessage: (message: T) => void = () => {};
}

/** A promise to settle later, for answers that arrive late. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
