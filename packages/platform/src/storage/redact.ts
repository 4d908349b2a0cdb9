/** A database URL safe to print: the password (if any) replaced by `***`. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    // Unparseable: cut anything between "://user:" and "@" by hand rather than echo it back.
    return url.replace(/(\/\/[^/:@]*:)[^@/]*@/, '$1***@');
  }
}
