/** The outcome of parsing one cell: a value, or a reason a person can act on. */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A parsed cell value. */
export const accept = <T>(value: T): ValueResult<T> => ({ ok: true, value });

/** A cell that cannot be read, with what to do about it. */
export const refuse = <T = never>(reason: string): ValueResult<T> => ({ ok: false, reason });
