/** Cell kinds: a missing cell, the four votes (the column profile's note codes), and TEXT. */
export const MISSING: u8 = 0;
export const INTEGRAL: u8 = 1;
export const FRACTIONAL: u8 = 2;
export const BOOLEAN: u8 = 3;
export const STRING: u8 = 4;
/** JavaScript classifies this cell from its text (a number past the exact fast path, non-ASCII text). */
export const TEXT: u8 = 5;
