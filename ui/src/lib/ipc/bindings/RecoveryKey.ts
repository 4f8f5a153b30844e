export type RecoveryKey = { key: string, };
