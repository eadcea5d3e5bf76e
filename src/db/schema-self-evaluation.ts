/** Tables of the self-evaluation feature (merged into DB in schema.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SelfEvaluationTables {}
