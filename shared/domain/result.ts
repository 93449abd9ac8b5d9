/** A value or a reason it could not be produced; used where bad input is expected, not exceptional. */
export type Result<T, R = string> = ({ ok: true } & T) | { ok: false; reason: R };
