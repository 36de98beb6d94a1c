/**
 * Zod messages in this project are locale keys (`validation.required`). Zod's own default messages
 * (sentences) map to a generic key, or "required" when the value was missing.
 */
export function issueKey(message: string): string {
  if (!/\s/.test(message)) return message;
  return /received undefined|received null/.test(message)
    ? 'validation.required'
    : 'validation.invalid';
}
