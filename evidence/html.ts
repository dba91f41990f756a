/**
 * HTML of the evidence pack: one page per flow (the steps in order, each picture with its
 * caption, as a manual page reads), the pack's table of contents, and the "cards" that
 * stand in for what the browser draws itself (confirm/alert dialogs, downloads) and for
 * the mails — rendered by Chromium into PNGs like the screens.
 */
import { CATALOGUE, guideLinks } from '../catalogue/ids';
import type { FlowManifest } from './flow';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const PAGE_STYLE = `
  body { font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif; margin: 2rem auto; max-width: 1320px; color: #222; }
  h1 { font-size: 1.4rem; } .ids a, .ids span { margin-right: .6rem; }
  ol.steps { list-style: none; padding: 0; }
  ol.steps > li { margin: 0 0 2.5rem; }
  .caption { font-weight: bold; margin: .3rem 0; } .n { display: inline-block; min-width: 2.5rem; }
  .detail { white-space: pre-wrap; color: #555; margin: .2rem 0 .5rem 2.5rem; }
  img { max-width: 100%; border: 1px solid #ccc; }
  .failed .caption { color: #b00; }
  table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
`;

const KIND_LABEL: Record<string, string> = { step: '手順', dialog: 'ダイアログ', download: 'ダウンロード', mail: 'メール' };

/** One flow: title, catalogue IDs with their guide sections, then every step in order. */
export function flowIndexHtml(flow: FlowManifest): string {
  const ids = flow.ids
    .map((id) => {
      const entry = CATALOGUE.get(id);
      const links = entry ? guideLinks(entry).map((l) => `<a href="${esc(l.url)}">${esc(l.name)}</a>`).join(' ') : '';
      return `<li><b>${esc(id)}</b> ${esc(entry?.summary ?? '')} ${links}</li>`;
    })
    .join('\n');
  const steps = flow.steps
    .map(
      (s) => `<li id="step-${s.n}" class="${s.kind}${s.failed ? ' failed' : ''}">
  <p class="caption"><span class="n">${String(s.n).padStart(2, '0')}</span>[${KIND_LABEL[s.kind]}] ${esc(s.caption)}${s.outlined ? ' (下図赤四角枠内)' : ''}${s.failed ? ' — 失敗' : ''}</p>
  ${s.detail ? (s.kind === 'mail' ? `<details class="detail"><summary>本文 (テキスト)</summary>${esc(s.detail)}</details>` : `<p class="detail">${esc(s.detail)}</p>`) : ''}
  ${s.image ? `<img src="${encodeURIComponent(s.image)}" alt="${esc(s.caption)}">` : ''}
</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${esc(flow.title)}</title><style>${PAGE_STYLE}</style></head>
<body>
<p><a href="../index.html">エビデンス一覧</a></p>
<h1>${esc(flow.title)}</h1>
<p>${esc(flow.file)}${flow.status ? ` — 結果: ${esc(flow.status)}` : ''}</p>
<ul class="ids">${ids}</ul>
<ol class="steps">
${steps}
</ol>
</body></html>
`;
}

/** The pack's table of contents: every flow with its IDs, step count and result. */
export function packIndexHtml(flows: FlowManifest[]): string {
  const rows = flows
    .map(
      (f) =>
        `<tr><td><a href="${encodeURIComponent(f.flow)}/index.html">${esc(f.title)}</a><br><small>${esc(f.flow)}</small></td><td>${esc(f.ids.join(' '))}</td><td>${f.steps.length}</td><td>${esc(f.status ?? '')}</td><td>${esc(f.file)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>エビデンス一覧</title><style>${PAGE_STYLE}</style></head>
<body>
<h1>エビデンス一覧 (マニュアル用画面キャプチャ)</h1>
<table><thead><tr><th>フロー</th><th>カタログID</th><th>手順数</th><th>結果</th><th>spec</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

const CARD_STYLE = `
  html, body { margin: 0; background: #fff; font-family: "Noto Sans CJK JP", sans-serif; font-size: 14px; color: #202124; }
  .backdrop { position: relative; width: fit-content; min-width: 1280px; }
  .backdrop img { display: block; filter: brightness(.55); }
  .plain { width: 1280px; height: 400px; background: #5f6368; }
  .dialog { position: absolute; top: 24px; left: 50%; transform: translateX(-50%); width: 448px; background: #fff;
            border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.4); padding: 20px 24px 16px; }
  .dialog h2 { font-size: 15px; font-weight: normal; margin: 0 0 12px; }
  .dialog p { white-space: pre-wrap; margin: 0 0 20px; line-height: 1.5; }
  .buttons { text-align: right; } .buttons span { display: inline-block; margin-left: 8px; padding: 6px 16px; border-radius: 4px;
            border: 1px solid #dadce0; color: #1a73e8; } .buttons span.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
  .chosen { outline: 3px solid #e00; outline-offset: 3px; }
  .download { position: absolute; top: 16px; right: 16px; width: 360px; background: #fff; border-radius: 8px;
            box-shadow: 0 4px 16px rgba(0,0,0,.4); padding: 16px; }
  .download .file { margin-top: 8px; padding: 8px; border: 3px solid #e00; }
  .mail { width: 1000px; margin: 16px; border: 1px solid #ccc; }
  .mail dl { margin: 0; padding: 12px 16px; background: #f1f3f4; display: grid; grid-template-columns: 6em 1fr; gap: 4px; }
  .mail dt { color: #5f6368; } .mail dd { margin: 0; }
  .mail pre { margin: 0; padding: 16px; font-family: inherit; white-space: pre-wrap; line-height: 1.6; }
`;

function backdrop(screen: string | undefined, overlay: string): string {
  const base = screen ? `<img src="data:image/png;base64,${screen}" alt="">` : '<div class="plain"></div>';
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>${CARD_STYLE}</style></head>
<body><div class="backdrop">${base}${overlay}</div></body></html>`;
}

/** A confirm/alert over the page it came from, the chosen button framed in red. */
export function dialogCardHtml(d: { type: string; message: string; answer: 'accept' | 'dismiss'; screen?: string }): string {
  const isConfirm = d.type === 'confirm' || d.type === 'beforeunload';
  const ok = `<span class="primary${d.answer === 'accept' ? ' chosen' : ''}">OK</span>`;
  const cancel = isConfirm ? `<span class="${d.answer === 'dismiss' ? 'chosen' : ''}">キャンセル</span>` : '';
  return backdrop(
    d.screen,
    `<div class="dialog" role="dialog"><h2>このページの内容</h2><p>${esc(d.message)}</p><div class="buttons">${ok}${cancel}</div></div>`,
  );
}

/** The browser's download notice for one file. */
export function downloadCardHtml(d: { fileName: string; screen?: string }): string {
  return backdrop(d.screen, `<div class="download"><div>ダウンロード</div><div class="file">${esc(d.fileName)}</div></div>`);
}

/** A received mail (already redacted and masked by the caller). */
export function mailCardHtml(d: { subject: string; from: string; to: string; text: string }): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>${CARD_STYLE}</style></head>
<body><div class="mail"><dl><dt>件名</dt><dd>${esc(d.subject)}</dd><dt>差出人</dt><dd>${esc(d.from)}</dd><dt>宛先</dt><dd>${esc(d.to)}</dd></dl>
<pre>${esc(d.text)}</pre></div></body></html>`;
}
