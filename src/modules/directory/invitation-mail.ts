import type { OutgoingMail } from "../../platform/mail/outbox.ts";
import type { LocaleText } from "./tables.ts";

/** The bilingual e-mail that tells a person they are invited to be a PO; it links to where they answer. */
export function invitationMail(
  publicUrl: string,
  inv: { email: string; name: string; agencyName: LocaleText },
): OutgoingMail {
  const where = `${publicUrl}/account#invitations`;
  return {
    to: inv.email,
    subject: `邀請您擔任${inv.agencyName["zh-TW"]}開放政府聯絡人 / Invitation: PO of ${inv.agencyName.en}`,
    text:
      `${inv.name} 您好：\n\n您受邀擔任${inv.agencyName["zh-TW"]}的開放政府聯絡人（PO）。` +
      `這是一份邀請，不是指派：您可以接受或婉拒。\n${where}\n\n` +
      `You are invited to be a Participation Officer of ${inv.agencyName.en}. ` +
      `It is an invitation, not an assignment: accept or decline it at\n${where}\n`,
  };
}
