/**
 * STEP1's form posted without the browser (a page kept open in another tab, a bookmarked or
 * edited form): the link's p1–p3 and a 認証情報パスワード, as the page would send them.
 */
import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { Secret } from '../../fixtures';

type LinkParts = { p1: string; p2: string; p3: string };

/** POST /scira/Step1.do with the parts of `issuanceUrl`, any of them replaced by `edited`. */
export async function postStep1(
  request: APIRequestContext,
  webra2: string,
  issuanceUrl: string,
  password: Secret,
  edited: Partial<LinkParts> = {},
): Promise<APIResponse> {
  const q = new URL(issuanceUrl).searchParams;
  const parts: LinkParts = { p1: q.get('p1')!, p2: q.get('p2')!, p3: q.get('p3')!, ...edited };
  return request.post(`${webra2}/scira/Step1.do`, { form: { ...parts, password: password.reveal() } });
}
