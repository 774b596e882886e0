import picomatch from 'picomatch';

/** Repository path globs (`apps/payment-api/overlays/staging/**`). Pure. */
export function matcher(globs: readonly string[]): (path: string) => boolean {
  const m = picomatch([...globs], { dot: true });
  return (path: string) => m(path);
}
