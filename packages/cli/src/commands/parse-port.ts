/** Parses a TCP port option, naming the option and the value when it is not one. */
export function parsePort(option: string, text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${option} '${text}' is not a TCP port; use a whole number from 1 to 65535`);
  }
  return port;
}
