import type { LockReason } from "./LockReason";
export type VaultLocked = { reason: LockReason, };
