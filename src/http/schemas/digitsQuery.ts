/**
 * @module http/schemas/digitsQuery
 * Query-string integers as the endpoints have always read them: decimal
 * digits only (no sign, exponent or fraction), surrounding whitespace
 * allowed, at most `digits` of them. JSON Schema sees the string as sent;
 * the number is read after validation.
 */
export function digitsSchema(digits: number, description: string): object {
  return { type: 'string', pattern: `^\\s*\\d{1,${digits}}\\s*$`, description };
}

/** The number a string that passed `digitsSchema` spells. */
export function digitsValue(text: string): number {
  return Number(text.trim());
}
