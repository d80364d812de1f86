/** Types of the generated validator (scripts/write-local-schema.ts writes the code beside this file). */
export interface LocalValidationError {
  instancePath: string;
  /** The JSON Schema keyword that failed, e.g. `pattern` (generated without messages, to keep it small). */
  keyword: string;
}

/** True when the file is valid; strips unknown keys from the value it is given, in place. */
export declare const validate: ((value: unknown) => boolean) & { errors?: LocalValidationError[] | null };
