/** The issuance site's strings in the language a spec runs it in (ISS-LANG). */
import { issuance, issuanceEn } from '../../messages';

export type IssuanceLang = 'ja' | 'en';
export type IssuanceTexts = typeof issuanceEn;

export const issuanceTexts = (lang: IssuanceLang): IssuanceTexts => (lang === 'en' ? issuanceEn : issuance);
