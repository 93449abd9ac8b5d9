// asl-validator ships no types; this covers its one export (see node_modules/asl-validator/README.md).
declare module 'asl-validator' {
  interface AslValidatorOptions {
    /** Check JSONPath expressions (default true). */
    checkPaths?: boolean;
    /** Check that Task Resource values are ARNs (default true). */
    checkArn?: boolean;
  }

  interface AslValidationResult {
    isValid: boolean;
    errors: { 'Error code': string; Message: string }[];
    errorsText(separator?: string): string;
  }

  function aslValidator(definition: unknown, options?: AslValidatorOptions): AslValidationResult;
  export = aslValidator;
}
