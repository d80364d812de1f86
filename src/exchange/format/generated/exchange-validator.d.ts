/** Types of the generated validator (scripts/exchange-validator.ts writes the code beside this file). */
export interface ExchangeValidationError {
  instancePath: string;
  /** The JSON Schema keyword that failed, e.g. `maxLength` (generated without messages, to keep it small). */
  keyword: string;
}

/** True when the file is valid; strips unknown keys from the value it is given, in place. */
export declare const validate: ((value: unknown) => boolean) & { errors?: ExchangeValidationError[] | null };
