// What format readers yield before readUnit stamps the input name and position on it.
import type { Page, Rejection } from '../record.js';

export type PageDraft = Omit<Page, 'input' | 'position'>;
export type RejectionDraft = Omit<Rejection, 'input' | 'position'>;
export type Draft = { page: PageDraft } | { rejection: RejectionDraft };

export function reject(reason: string, error: string, where: Partial<RejectionDraft> = {}): Draft {
  return { rejection: { ...where, reason, error } };
}
