/**
 * @module test/support/wycheproof
 * The shape of a Wycheproof signature-verification file (testvectors_v1):
 * groups carrying a public key, each with test cases labelled valid, invalid
 * or acceptable. `Group` adds the group's own key fields, `Extra` a case's.
 */
export interface WycheproofCase {
  readonly tcId: number;
  readonly comment: string;
  readonly flags?: readonly string[];
  readonly msg: string;
  readonly sig: string;
  readonly result: 'valid' | 'invalid' | 'acceptable';
}

export interface WycheproofFile<Group extends object, Extra extends object = object> {
  readonly numberOfTests: number;
  readonly testGroups: ReadonlyArray<Group & { readonly tests: ReadonlyArray<WycheproofCase & Extra> }>;
}
