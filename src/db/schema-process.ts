/** Tables of the process feature (merged into DB in schema.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProcessTables {}
