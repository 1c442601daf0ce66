/** Largest JSON body accepted by any route; imports have their own, larger limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Largest CSV upload accepted by POST /api/v1/imports. */
export const IMPORT_FILE_LIMIT = 100 * 1024 * 1024;
