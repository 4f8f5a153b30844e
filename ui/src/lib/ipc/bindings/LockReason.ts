export type LockReason = "user" | "idle";
