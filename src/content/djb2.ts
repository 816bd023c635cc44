/** djb2, as an unsigned 32-bit number: enough to tell short texts apart, not a security hash. */
export function djb2(text: string): number {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return hash >>> 0;
}
