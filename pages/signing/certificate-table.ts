/**
 * The signing-certificate table both systems show (TJK 署名用証明書管理メニュー / 署名用暗証
 * コードの初期設定, BS10 STEP2 署名用証明書情報): rows found by their header, values read or
 * asserted per row. `labels` are the system's own wordings (`CN : 発行対象者` / `CN:発行対象者`).
 */
import { expect, type Locator } from '@playwright/test';
import { cellsOfRow } from '../table-rows';

export interface CertificateLabels {
  serial: string;
  cn: string;
  ouCompany: string;
  ouService: string;
  o: string;
  c: string;
  expiry: string;
}

export type CertificateRows = Record<keyof CertificateLabels, string>;

const ROWS: readonly (keyof CertificateLabels)[] = ['serial', 'cn', 'ouCompany', 'ouService', 'o', 'c', 'expiry'];

export class CertificateTable {
  constructor(
    readonly table: Locator,
    private readonly labels: CertificateLabels,
  ) {}

  /** The value cell of the row headed `label`. */
  cell(label: string): Locator {
    return cellsOfRow(this.table, label);
  }

  async serial(): Promise<string> {
    await expect(this.cell(this.labels.serial)).toHaveText(/\S/);
    return (await this.cell(this.labels.serial).innerText()).trim();
  }

  /** Every row shows exactly the expected value. */
  async expectRows(expected: CertificateRows): Promise<void> {
    await expect(this.table).toBeVisible();
    for (const key of ROWS) {
      await expect(this.cell(this.labels[key]), this.labels[key]).toHaveText(expected[key]);
    }
  }
}
