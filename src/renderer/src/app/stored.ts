/**
 * A value kept in localStorage as JSON, read as an object of fields: null when it is missing, damaged or not an
 * object, so each caller keeps what is valid and falls back to its defaults for the rest.
 */
export function storedObject(raw: string | null): Record<string, unknown> | null {
  try {
    const value: unknown = raw ? JSON.parse(raw) : null
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
