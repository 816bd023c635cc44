/**
 * A new device id for sync's clock: 16 base-36 characters, random. In a module of its own so the
 * schema upgrade, which every page that opens the store carries, does not carry sync's code.
 */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => (byte % 36).toString(36)).join('');
}
