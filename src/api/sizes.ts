/**
 * A rough size in bytes of a value held in memory, for caches bounded by bytes: strings at two
 * bytes a character, numbers at eight, and a fixed overhead per object, array and property.
 * Within a factor of two of V8's real figures for the plain data the stores return, which is
 * all a byte budget needs.
 */
export function approximateBytes(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 8;
  switch (typeof value) {
    case 'string':
      return 16 + value.length * 2;
    case 'number':
    case 'boolean':
    case 'bigint':
      return 8;
    case 'object': {
      // Deeper than any row the stores return: charge a flat amount instead of walking on.
      if (depth > 8) return 64;
      if (Array.isArray(value)) {
        let n = 16 + value.length * 8;
        for (const v of value) n += approximateBytes(v, depth + 1);
        return n;
      }
      let n = 32;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) n += 16 + k.length * 2 + approximateBytes(v, depth + 1);
      return n;
    }
    default:
      return 8;
  }
}
