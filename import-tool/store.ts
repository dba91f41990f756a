/**
 * The certificate stores of the PC the import tool runs on (a folder per store, like the tabs
 * of Windows' certificate dialog): what the tool imports and what the browser then presents.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseCertificate, type ParsedCertificate } from '../certs/issue';

export type CaStore = 'root' | 'intermediate';

export interface StoredCertificate {
  pem: string;
  parsed: ParsedCertificate;
  file: string;
}

/**
 * This PC's certificate stores as the user sees them in インターネットオプション → 証明書
 * (EG25 "■インポートされた証明書を確認する手順", §2-1 8.): 個人, 中間証明機関, 信頼されたルート証明機関.
 */
export class CertificateStore {
  constructor(readonly dir: string) {}

  addPersonal(certPem: string, keyPem: string): void {
    const cn = String(parseCertificate(certPem).subject.CN ?? 'certificate');
    this.write('personal', `${cn}.crt.pem`, certPem);
    this.write('personal', `${cn}.key.pem`, keyPem);
  }

  addCa(store: CaStore, der: Buffer): void {
    const x = new crypto.X509Certificate(der);
    this.write(store, `${x.fingerprint256.replace(/:/g, '').slice(0, 16)}.cer`, der);
  }

  /** 個人 tab. */
  personal(): StoredCertificate[] {
    return this.read('personal', '.crt.pem');
  }

  /** 中間証明機関 tab. */
  intermediates(): StoredCertificate[] {
    return this.read('intermediate', '.cer');
  }

  /** 信頼されたルート証明機関 tab. */
  roots(): StoredCertificate[] {
    return this.read('root', '.cer');
  }

  /**
   * What the browser presents for a personal certificate: the certificate, the intermediates
   * it finds in the store for it (as Windows builds the chain), and the private key.
   */
  clientCertificate(cert: StoredCertificate): { label: string; certPath: string; keyPath: string } {
    const chain: string[] = [cert.pem];
    let current = new crypto.X509Certificate(cert.pem);
    for (let depth = 0; depth < 4; depth++) {
      const parent = this.intermediates().find((i) => current.checkIssued(new crypto.X509Certificate(i.pem)));
      if (!parent) break;
      chain.push(parent.pem);
      current = new crypto.X509Certificate(parent.pem);
    }
    const certPath = cert.file.replace(/\.crt\.pem$/, '.fullchain.pem');
    fs.writeFileSync(certPath, chain.join(''));
    return { label: `imported-${String(cert.parsed.subject.CN)}`, certPath, keyPath: cert.file.replace(/\.crt\.pem$/, '.key.pem') };
  }

  private write(store: string, name: string, content: string | Buffer): void {
    fs.mkdirSync(path.join(this.dir, store), { recursive: true });
    fs.writeFileSync(path.join(this.dir, store, name), content);
  }

  private read(store: string, suffix: string): StoredCertificate[] {
    const folder = path.join(this.dir, store);
    if (!fs.existsSync(folder)) return [];
    return fs
      .readdirSync(folder)
      .filter((f) => f.endsWith(suffix))
      .sort()
      .map((f) => {
        const file = path.join(folder, f);
        const pem = new crypto.X509Certificate(fs.readFileSync(file)).toString();
        return { pem, parsed: parseCertificate(pem), file };
      });
  }
}
