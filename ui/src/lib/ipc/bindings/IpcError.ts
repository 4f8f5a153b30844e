import type { ErrorCode } from "./ErrorCode";
export type IpcError = { code: ErrorCode, message: string, };
