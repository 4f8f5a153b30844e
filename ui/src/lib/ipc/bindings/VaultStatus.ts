export type VaultStatus = { exists: boolean, unlocked: boolean, };
