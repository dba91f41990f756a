/**
 * Allure 3 report (the `allure` npm package, no Java): built by `npm run report`
 * (scripts/report.ts), which sets REPORTS_DIR to the run's reports folder.
 *
 * - In Japanese (awesome plugin, reportLanguage 'ja'), grouped as the guides are:
 *   system (epic) → document section (feature) → catalogue ID (story), each test once under
 *   its primary ID (catalogue/allure.ts); every ID stays a `tag` and a `catalogueId` label.
 * - History: each generation appends to allure-history.jsonl next to the results, so the
 *   report shows trends across runs (keep that file between CI runs, e.g. as a cache).
 * - Categories: who should look at a failure first — the product, the environment or
 *   the test itself — by the error message; first matching rule wins.
 */
import path from 'node:path';

const reports = path.resolve(process.env.REPORTS_DIR ?? 'reports');

/** @type {import('allure').AllureConfig['categories']} */
export const categories = [
  {
    id: 'environment',
    name: '環境の問題 (接続・ブラウザ・メール受信・設定)',
    matchers: [
      {
        statuses: ['failed', 'broken'],
        message:
          /ECONNREFUSED|ECONNRESET|EADDRINUSE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENOSPC|socket hang up|net::ERR_(?:CONNECTION|NAME_NOT_RESOLVED|ADDRESS|INTERNET|PROXY|TIMED_OUT|NETWORK)|browserType\.launch|Failed to launch|Executable doesn't exist|Browser closed|Target page, context or browser has been closed|Invalid configuration|webServer|mailbox .* answered|mock admin .* → 5\d\d|no mail ".*" for .* within|Worker process exited|out of memory/,
      },
    ],
  },
  {
    id: 'test-defect',
    name: 'テストの不具合 (テストコード・ページオブジェクト)',
    matchers: [
      {
        statuses: ['failed', 'broken'],
        message:
          /TypeError|ReferenceError|SyntaxError|RangeError|is not a function|Cannot read properties|strict mode violation|resolved to \d+ elements|Fixture ".*" .*not|MailFormatError|mail has no ".*" (?:line|section)|Unknown catalogue|locator\.\w+: Error: .*(?:selector|Unexpected token)/,
      },
    ],
  },
  {
    id: 'product-defect',
    name: '製品の不具合 (期待した画面・文言・状態と異なる)',
    matchers: [{ statuses: ['failed'] }, { statuses: ['failed', 'broken'], message: /expect\(|Expected|Received|toHave|toBe|toEqual|toMatch|toContain/ }],
  },
  {
    id: 'unclassified',
    name: '分類できない中断 (要確認)',
    matchers: [{ statuses: ['broken'] }],
  },
];

/** @type {import('allure').AllureConfig} (plain object: importing 'allure' here prints its CLI banner) */
export default {
  name: 'あんしんエコ文書サービス オンボーディング E2E',
  output: path.join(reports, 'allure-report'),
  historyPath: path.join(reports, 'allure-history.jsonl'),
  categories,
  plugins: {
    awesome: {
      options: {
        reportName: 'あんしんエコ文書サービス オンボーディング E2E',
        reportLanguage: 'ja',
        singleFile: false,
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
};
