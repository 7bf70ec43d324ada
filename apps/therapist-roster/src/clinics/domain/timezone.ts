/** True for an IANA timezone name this runtime knows, e.g. "Europe/London". */
export function isIanaTimezone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(name) && name !== 'UTC') {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
