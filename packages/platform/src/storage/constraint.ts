// Both drivers report constraint failures differently; services need one answer ("that email
// is taken" → a clean 400/409 instead of a 500), so it is decided here once.

/** Which kind of constraint a failed write broke. */
export type ConstraintViolation = 'unique' | 'foreign_key' | 'check' | 'not_null';

const SQLITE_CODES: Record<string, ConstraintViolation> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
};

// SQLSTATE class 23, integrity constraint violation.
const POSTGRES_CODES: Record<string, ConstraintViolation> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
};

/** The constraint a database error reports, or undefined when it is not a constraint error. */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = String((error as { code: unknown }).code);
  return SQLITE_CODES[code] ?? POSTGRES_CODES[code];
}
