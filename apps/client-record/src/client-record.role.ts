/**
 * The database role the running client-record service assumes (see ClientCore migration):
 * read and write on its tables, but insert-only on the audit trail.
 */
export const CLIENT_RECORD_APP_ROLE = 'client_record_app';
