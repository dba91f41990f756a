/**
 * Splitting PEM text into its blocks: the one place that knows the armour, for
 * certificate bundles (chain.pem, CA files) and CRL bundles (crl.pem).
 */

/** Every `-----BEGIN <label>-----` … `-----END <label>-----` block, each ending in one newline. */
export function pemBlocks(text: string, label: string): string[] {
  const re = new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`, 'g');
  return (text.match(re) ?? []).map((block) => `${block}\n`);
}

/** Split a PEM bundle into individual certificate PEMs. */
export function splitPemBundle(bundle: string): string[] {
  return pemBlocks(bundle, 'CERTIFICATE');
}

/** One PEM per CRL, as Node's `crl` option needs (it reads only the first CRL of a string). */
export function splitCrlBundle(bundle: string): string[] {
  return pemBlocks(bundle, 'X509 CRL');
}
