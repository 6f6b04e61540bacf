// Database failures as the cloud reports them: a TCB error code (which wx-server-sdk maps to errCode) and a message.
import { isDate } from '../ejson';

export type DbErrorCode =
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'INVALID_PARAM';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export function collectionNotExist(name: string): DbError {
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
}

export function collectionAlreadyExists(name: string): DbError {
  return new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceUnavailable.TableExist] Table exist: ${name}.`);
}

function mongoLiteral(v: unknown): string {
  if (isDate(v)) return `new Date(${v.getTime()})`;
  if (v === undefined) return 'null';
  return JSON.stringify(v) ?? 'null';
}

/** MongoDB's E11000 wording, which is what the cloud passes through. */
export function duplicateKey(dbName: string, collection: string, indexName: string, key: Array<[string, unknown]>): DbError {
  const dup = key.map(([k, v]) => `${k}: ${mongoLiteral(v)}`).join(', ');
  return new DbError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${dbName}.${collection} index: ${indexName} dup key: { ${dup} }`,
  );
}

export function transactionConflict(): DbError {
  return new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    'database transaction conflict: a document this transaction writes was changed by another write after this transaction read it',
  );
}

/** An operation on a transaction that was committed, aborted or never began. */
export function transactionFailed(id: string): DbError {
  return new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has already been committed or aborted`);
}

export function requestFailed(message: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', message);
}
