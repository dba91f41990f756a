/**
 * The five source documents (catalogue "Documents") and how a report links to one of
 * their sections. The documents live outside the repository (they are the customer's
 * and the vendor's manuals); GUIDES_BASE_URL points a report at wherever support staff
 * keep them (an intranet folder, a wiki). The default is this project's shared copy.
 */
import { config } from '../config/env';

export type DocumentKey = 'EG25' | 'EG18' | 'IM12' | 'TJK' | 'BS10';

export interface GuideDocument {
  key: DocumentKey;
  file: string;
  title: string;
}

export const DOCUMENTS: Record<DocumentKey, GuideDocument> = {
  EG25: { key: 'EG25', file: '000_d5072cba060ba536.txt', title: 'セコムあんしんエコ文書サービス エラー対応ガイド 2025年8月27日改定版' },
  EG18: { key: 'EG18', file: '001_1b624e5e5610a32c.txt', title: 'セコムあんしんエコ文書サービス エラー対応ガイド 2018年10月24日改定版' },
  IM12: { key: 'IM12', file: '002_05b41c690910f634.txt', title: 'セコムあんしんエコ文書サービス 証明書インストールマニュアル Ver 1.2' },
  TJK: { key: 'TJK', file: '003_70fbea9d579a9ec4.txt', title: '電子文書管理システム初期設定 (TJK)' },
  BS10: { key: 'BS10', file: '004_6ec34a600e473a3d.txt', title: '一括電子署名システム初期設定マニュアル Ver. 1.0' },
};


/** `EG18 1-2` → EG18; a section names its document first. */
export function documentOf(section: string): GuideDocument {
  const key = section.split(' ')[0] as DocumentKey;
  const doc = DOCUMENTS[key];
  if (!doc) throw new Error(`section "${section}" names no known document`);
  return doc;
}

/** The link to a document section: the file plus the section as a fragment. */
export function guideUrl(section: string, base = config.guidesBaseUrl): string {
  const doc = documentOf(section);
  const anchor = section.slice(doc.key.length).trim();
  return `${base.replace(/\/$/, '')}/${doc.file}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}
