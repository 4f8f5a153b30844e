// The one error type the UI sees from the back end.
//
// A rejected `invoke` carries `{ code, message }` (the generated `IpcError`),
// and `field` when refused input has one field at fault (as the command's
// input names it: "startsOn", "days"), so a form can show the sentence there.
// Anything else (a string from Tauri itself, a thrown Error) becomes code
// "internal", so callers only ever branch on `MendError.code`.
// This module does not import Tauri, so it can be unit-tested in Node.

import type { ErrorCode } from "./bindings/ErrorCode";
import type { IpcError } from "./bindings/IpcError";

export type { ErrorCode, IpcError };

// `satisfies` makes the compiler fail when the Rust side adds or removes a code.
const KNOWN_CODES = {
  noVault: true,
  vaultExists: true,
  locked: true,
  wrongPassphrase: true,
  wrongRecoveryKey: true,
  recoveryRequired: true,
  weakPassphrase: true,
  corruptVault: true,
  unsupportedVault: true,
  notFound: true,
  invalidInput: true,
  storage: true,
  internal: true,
} as const satisfies Record<ErrorCode, true>;

/** Every code the back end can send. */
export const ERROR_CODES = Object.keys(KNOWN_CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(KNOWN_CODES, value);
}

export class MendError extends Error {
  readonly code: ErrorCode;
  /** The input field the back end names as at fault; null when none is. */
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "MendError";
    this.code = code;
    this.field = field;
  }
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown; field?: unknown };
  return (
    isErrorCode(candidate.code) &&
    typeof candidate.message === "string" &&
    (candidate.field === undefined || typeof candidate.field === "string")
  );
}

/** Normalise whatever a rejected `invoke` carried into a `MendError`. */
export function toMendError(reason: unknown): MendError {
  if (reason instanceof MendError) return reason;
  if (isIpcError(reason)) return new MendError(reason.code, reason.message, reason.field ?? null);
  if (reason instanceof Error) return new MendError("internal", reason.message);
  if (typeof reason === "string") return new MendError("internal", reason);
  return new MendError("internal", "Unexpected failure");
}

/** The input field a refusal names as at fault, or null. */
export function fieldOf(reason: unknown): string | null {
  return reason instanceof MendError ? reason.field : null;
}

/** The error code of anything thrown, "internal" when it is not a MendError. */
export function errorCodeOf(reason: unknown): ErrorCode {
  return reason instanceof MendError ? reason.code : "internal";
}
