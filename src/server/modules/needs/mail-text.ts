/**
 * The acknowledgement mail of a need: Japanese and English in one mail (the submitter's language first),
 * with the reference number in the subject and the text.
 */
import { formatDateTime } from "../../../shared/dates";
import type { MailInput } from "../mail/outbox";

export function needAcknowledgement(need: {
  id: string;
  referenceNumber: string;
  title: string;
  language: "ja" | "en";
  createdAt: Date;
  to: string[];
  /** Who the mail greets: the contact, or the referral partner's staff member. */
  addressee: { name: string; organization: string };
  /** For a referral: the client company. */
  client: string | null;
}): MailInput {
  const received = formatDateTime(need.createdAt);
  const ja = [
    `${need.addressee.organization}`,
    `${need.addressee.name} 様`,
    "",
    need.client
      ? `お取引先（${need.client}）の技術相談（ニーズ）をご紹介いただき、ありがとうございます。以下のとおり受け付けました。`
      : "技術相談（ニーズ）をお寄せいただき、ありがとうございます。以下のとおり受け付けました。",
    "",
    `  受付番号: ${need.referenceNumber}`,
    `  件名: ${need.title}`,
    `  受付日時: ${received}（日本時間）`,
    "",
    "担当の産学連携コーディネーターが内容を確認し、原則として5営業日以内にご連絡します。",
    "お問い合わせの際は受付番号をお知らせください。",
    "ご記入いただいた内容は、お選びいただいた公開範囲に従って取り扱います。",
  ].join("\n");
  const en = [
    `Dear ${need.addressee.name} (${need.addressee.organization}),`,
    "",
    need.client
      ? `Thank you for referring the technical need of your client ${need.client}. We have received it:`
      : "Thank you for your technical need. We have received it:",
    "",
    `  Reference number: ${need.referenceNumber}`,
    `  Title: ${need.title}`,
    `  Received: ${received} (Japan time)`,
    "",
    "A coordinator will review it and contact you, as a rule within five working days.",
    "Please quote the reference number when you contact us.",
    "What you wrote is shown only as far as the confidentiality you chose allows.",
  ].join("\n");
  const footer = [
    "",
    "――",
    "kyoso 協創 / 地域産学官金協創プラットフォーム",
    "長岡技術科学大学・豊橋技術科学大学・国立高等専門学校",
    "このメールは送信専用です。/ This address does not receive replies.",
  ].join("\n");
  const separator = "\n\n--------------------------------------------------------------\n\n";
  return {
    to: need.to,
    subject: `【kyoso】ニーズを受け付けました / Your need was received (${need.referenceNumber})`,
    text: (need.language === "en" ? `${en}${separator}${ja}` : `${ja}${separator}${en}`) + footer,
    kind: "need_ack",
    related: { type: "need", id: need.id },
  };
}
