/** Tables of the inspection feature (merged into DB in schema.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InspectionTables {}
