/**
 * Every catalogue ID (../shared/spec/catalogue.md) as data: the system it belongs to
 * (Allure epic), the document sections that describe it (Allure features; the first is
 * the main one and the guide link), and its severity. Specs carry the IDs as tags
 * (`@EG18-1-2`); the Allure fixture and the coverage command read this table, so an ID
 * added to the catalogue is one line here and nothing else.
 */
import { guideUrl, documentOf } from './guides';

export const SYSTEMS = ['証明書発行サイト', '証明書インポートツール', 'エコ文書', '署名用証明書', '一括電子署名'] as const;
export type System = (typeof SYSTEMS)[number];

/** Allure's severities, most severe first. */
export const SEVERITIES = ['blocker', 'critical', 'normal', 'minor', 'trivial'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface CatalogueEntry {
  id: string;
  system: System;
  /** What the path is, in the catalogue's words. */
  summary: string;
  /** Document sections, main one first: `EG18 1-2`, `IM12 2-3`, `TJK 1)`, `BS10 2`. */
  sections: readonly string[];
  severity: Severity;
}

// Happy paths block the whole onboarding: critical. Documented errors: normal.
// Variants that change no outcome (the English screens): minor.
const table: readonly CatalogueEntry[] = [
  // Mails (the onboarding starts from them)
  { id: 'MAIL-REG', system: 'エコ文書', summary: 'ユーザー登録のご連絡: ユーザID・発行/サインアップ/ログインURL', sections: ['TJK ご利用準備', 'IM12 1'], severity: 'critical' },
  { id: 'MAIL-PW', system: 'エコ文書', summary: 'パスワードのご連絡: 認証情報パスワード・サインアップ・ログインパスワード', sections: ['TJK ご利用準備', 'IM12 1'], severity: 'critical' },
  { id: 'MAIL-OTP', system: '一括電子署名', summary: 'ワンタイムパスワードのご連絡', sections: ['BS10 1'], severity: 'critical' },
  { id: 'MAIL-BS-USER', system: '一括電子署名', summary: '【あんしん電子契約ライト】ユーザ登録のご連絡 (利用者宛)', sections: ['BS10 1'], severity: 'normal' },
  { id: 'MAIL-BS-ADMIN', system: '一括電子署名', summary: '【あんしん電子契約ライト】ユーザ登録のご連絡 (管理者宛: 認証情報あり)', sections: ['BS10 1'], severity: 'normal' },
  { id: 'MAIL-REISSUE', system: 'エコ文書', summary: 'パスワード再通知のメール', sections: ['EG25 2-3', 'EG18 2-3'], severity: 'normal' },

  // A. Certificate issuance, browser site
  { id: 'ISS-OK', system: '証明書発行サイト', summary: '証明書発行 STEP1-4 と発行された証明書の確認', sections: ['IM12 2-3', 'TJK 1)'], severity: 'critical' },
  { id: 'ISS-LANG', system: '証明書発行サイト', summary: '「English」: 同じ手順を英語で', sections: ['TJK 1)', 'EG18 1-1'], severity: 'minor' },
  { id: 'EG18-1-1', system: '証明書発行サイト', summary: '未対応のブラウザです。', sections: ['EG18 1-1'], severity: 'normal' },
  { id: 'EG18-1-2', system: '証明書発行サイト', summary: '認証に失敗したか、申請が承認されていません。', sections: ['EG18 1-2'], severity: 'normal' },
  { id: 'EG18-1-3', system: '証明書発行サイト', summary: '【STEP2】CSP 及び Key 長が空で表示される', sections: ['EG18 1-3'], severity: 'normal' },
  { id: 'EG18-1-4', system: '証明書発行サイト', summary: 'この操作はユーザによって取り消されました。', sections: ['EG18 1-4'], severity: 'normal' },
  { id: 'EG18-1-5', system: '証明書発行サイト', summary: '有効な証明書申請はありません。', sections: ['EG18 1-5'], severity: 'normal' },
  { id: 'ISS-INTERRUPT', system: '証明書発行サイト', summary: '「発行」後、STEP3 の前に離れる・戻る', sections: ['IM12 2-3', 'TJK 1)'], severity: 'normal' },

  // B. Certificate import tool
  { id: 'IMP-OK', system: '証明書インポートツール', summary: 'ユーザIDとパスワードで証明書を取得し、インポートされた証明書を確認', sections: ['EG25 1', 'EG25 1-4'], severity: 'critical' },
  { id: 'EG25-1-1', system: '証明書インポートツール', summary: 'データの間合せに失敗しました', sections: ['EG25 1-1'], severity: 'normal' },
  { id: 'EG25-1-2', system: '証明書インポートツール', summary: '証明書ファイルは取得できませんでした。認証に失敗しました。', sections: ['EG25 1-2'], severity: 'normal' },
  { id: 'EG25-1-3', system: '証明書インポートツール', summary: '証明書ファイルは取得できませんでした。証明書が作成されていないか、もしくは既に証明書を取得済みです。', sections: ['EG25 1-3'], severity: 'normal' },

  // C. エコ文書 signup and login
  { id: 'SIGNUP-OK', system: 'エコ文書', summary: 'サインアップが完了しました。', sections: ['IM12 3', 'TJK 2)'], severity: 'critical' },
  { id: 'LOGIN-OK', system: 'エコ文書', summary: 'ログインしてサービスTOP', sections: ['IM12 4', 'TJK 3)'], severity: 'critical' },
  { id: 'LOGIN-FIRST', system: 'エコ文書', summary: '初回ログインで初期パスワードの変更へ', sections: ['IM12 4', 'IM12 1'], severity: 'normal' },
  { id: 'EG-2-1', system: 'エコ文書', summary: 'このページは表示できません。/ このページに安全に接続できません。', sections: ['EG25 2-1', 'EG18 2-1'], severity: 'normal' },
  { id: 'EG-2-2-42', system: 'エコ文書', summary: 'このサービスをご利用できません。エラーコード：42', sections: ['EG25 2-2', 'EG18 2-2'], severity: 'normal' },
  { id: 'EG-2-2-44', system: 'エコ文書', summary: 'エラーコード：44 (証明書無しのユーザが誤ったURL)', sections: ['EG25 2-2', 'EG18 2-2'], severity: 'normal' },
  { id: 'EG-2-2-46', system: 'エコ文書', summary: 'エラーコード：46 (パスワードを6回続けて間違えてロック)', sections: ['EG25 2-2', 'EG18 2-2', 'IM12 4', 'TJK 3)'], severity: 'normal' },
  { id: 'EG-2-2-53', system: 'エコ文書', summary: 'エラーコード：53 (証明書のサインアップが未完了)', sections: ['EG25 2-2', 'EG18 2-2'], severity: 'normal' },
  { id: 'EG-2-3', system: 'エコ文書', summary: '過去1年間ログインされていません。確認のため、管理者までご連絡してください。', sections: ['EG25 2-3', 'EG18 2-3'], severity: 'normal' },
  { id: 'REISSUE-OK', system: 'エコ文書', summary: 'パスワード再通知: 登録済みパスワードをメールで送付', sections: ['EG25 2-3', 'IM12 4'], severity: 'normal' },
  { id: 'PW-CHANGE', system: 'エコ文書', summary: '本人情報 → パスワード変更 (パスワードポリシー)', sections: ['TJK パスワード変更', 'IM12 1'], severity: 'normal' },
  { id: 'CERT-CHECK', system: 'エコ文書', summary: '証明書確認ページで証明書が有効', sections: ['IM12 2-3', 'EG25 2-1'], severity: 'normal' },

  // D. Signing certificate in エコ文書
  { id: 'SIGN-NONE', system: '署名用証明書', summary: '署名用の証明書が有効ではありません。', sections: ['TJK 署名用証明書'], severity: 'normal' },
  { id: 'SIGN-ISSUE', system: '署名用証明書', summary: '「新規発行」→ 完了しました。', sections: ['TJK 署名用証明書'], severity: 'critical' },
  { id: 'SIGN-PENDING', system: '署名用証明書', summary: '署名用の証明書準備が完了していません。', sections: ['TJK 署名用証明書'], severity: 'normal' },
  { id: 'SIGN-PIN-DUE', system: '署名用証明書', summary: '初期暗証コードの登録が完了していません。と証明書情報', sections: ['TJK 署名用証明書'], severity: 'normal' },
  { id: 'SIGN-PIN', system: '署名用証明書', summary: '初期暗証コード登録', sections: ['TJK 署名用証明書'], severity: 'critical' },
  { id: 'SIGN-REISSUE', system: '署名用証明書', summary: '「再発行」で新しい証明書 (新しいシリアル)', sections: ['TJK 署名用証明書'], severity: 'normal' },

  // E. Bulk e-signature system
  { id: 'BS-LOGIN', system: '一括電子署名', summary: 'ID・パスワード → ワンタイムパスワード → 署名用証明書セットアップ', sections: ['BS10 1'], severity: 'critical' },
  { id: 'BS-OTP-BAD', system: '一括電子署名', summary: '誤り・使用済み・期限切れのワンタイムパスワード', sections: ['BS10 1'], severity: 'normal' },
  { id: 'BS-LOCK', system: '一括電子署名', summary: 'パスワードの連続誤りでアカウントロック', sections: ['BS10 1'], severity: 'normal' },
  { id: 'BS-EXPIRED', system: '一括電子署名', summary: 'ログイン有効期限切れ', sections: ['BS10 1'], severity: 'normal' },
  { id: 'BS-SETUP', system: '一括電子署名', summary: '署名用証明書のセットアップと署名用暗証コードの登録', sections: ['BS10 2'], severity: 'critical' },
  { id: 'BS-PIN-BAD', system: '一括電子署名', summary: '署名用暗証コードの長さ・全角・不一致', sections: ['BS10 2'], severity: 'normal' },
];

export const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map(table.map((e) => [e.id, e]));
export const CATALOGUE_IDS: readonly string[] = table.map((e) => e.id);

/** Playwright tags (`@EG18-1-2`) → the catalogue entries they name, in tag order. */
export function entriesForTags(tags: readonly string[]): { entries: CatalogueEntry[]; unknown: string[] } {
  const entries: CatalogueEntry[] = [];
  const unknown: string[] = [];
  for (const tag of tags) {
    const id = tag.replace(/^@/, '');
    const entry = CATALOGUE.get(id);
    if (entry) {
      if (!entries.includes(entry)) entries.push(entry);
    } else if (looksLikeId(id)) unknown.push(id);
  }
  return { entries, unknown };
}

/** Catalogue-style tags (upper-case words and digits joined by dashes); other tags (@slow) are free. */
export function looksLikeId(tag: string): boolean {
  return /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(tag);
}

/** The most severe of several entries (a spec covering several IDs counts as its worst case). */
export function highestSeverity(entries: readonly CatalogueEntry[]): Severity {
  return entries.reduce<Severity>((worst, e) => (SEVERITIES.indexOf(e.severity) < SEVERITIES.indexOf(worst) ? e.severity : worst), 'trivial');
}

export interface GuideLink {
  name: string;
  url: string;
}

/** One link per document section named by the entry: "EG18 1-2 エラー対応ガイド …". */
export function guideLinks(entry: CatalogueEntry): GuideLink[] {
  return entry.sections.map((section) => ({ name: `${section} ${documentOf(section).title}`, url: guideUrl(section) }));
}
