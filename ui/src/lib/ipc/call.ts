// The one place that calls `invoke`. Every IPC module goes through `call`,
// whose command name must be one the back end declares (`Command` is
// generated from the Rust command list, so a wrong name does not compile), and
// every rejection becomes a MendError. Nothing here logs: arguments and
// results may contain journal text.

import { invoke, type InvokeArgs } from "@tauri-apps/api/core";

import type { Command } from "./bindings/Command";
import { toMendError } from "./error";

export type { Command };

export async function call<T>(command: Command, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toMendError(reason);
  }
}
