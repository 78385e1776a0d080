import type { CaseType, DateStyle, LegalBasis, NonDisclosureReason, SubjectCategory } from '@mamori/shared';
import { englishDate, japaneseDate } from './letter-dates';

export type LetterLanguage = 'ja' | 'en';

/** What became of one requested item: disclosed, not held, handled by hand, changed, unchanged, deleted, stopped. */
export const ITEM_OUTCOMES = ['DISCLOSED', 'NOT_HELD', 'BY_HAND', 'CHANGED', 'UNCHANGED', 'DELETED', 'STOPPED'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** The words of the reply letter, in Japanese and in English. */
export interface LetterWords {
  title: string;
  honorific: (name: string) => string;
  representativeOf: (representative: string, requester: string) => string;
  date: (day: string, style: DateStyle) => string;
  intro: (receivedOn: string, type: string) => string;
  reference: string;
  requestedItems: string;
  heldData: string;
  noDataHeld: string;
  changedData: string;
  /** What became of each requested item, by outcome. */
  outcome: Record<ItemOutcome, string>;
  itemColumns: [string, string, string];
  period: (from: string | null, lastDay: string | null) => string;
  contact: string;
  email: string;
  listSeparator: string;
  done: Record<'AMENDMENT' | 'ADDITION' | 'DELETION' | 'CESSATION_OF_USE' | 'CESSATION_OF_PROVISION', string>;
  provisionsIntro: string;
  noProvisions: string;
  provisionColumns: [string, string, string, string];
  /** A notification of the purposes of use: the group the individual's data is held as, then the purposes. */
  purposesIntro: (category: string | null) => string;
  noPurposes: string;
  answer: string;
  rejected: string;
  feeNotRefunded: string;
  closing: string;
  field: Record<string, string>;
  category: Record<SubjectCategory, string>;
  caseType: Record<CaseType, string>;
  reason: Record<NonDisclosureReason, string>;
  legalBasis: Record<LegalBasis, string>;
}

const ja: LetterWords = {
  title: '開示等の求めに対するご回答',
  honorific: (name) => `${name} 様`,
  representativeOf: (representative, requester) => `${representative} 様（${requester} 様 代理人）`,
  date: japaneseDate,
  intro: (receivedOn, type) => `${receivedOn}に受け付けました「${type}」のご請求につきまして、下記のとおりご回答いたします。`,
  reference: '受付番号',
  requestedItems: 'ご請求の項目',
  heldData: '当社が保有するお客様の個人データ',
  noDataHeld: '当社はお客様の個人データを保有しておりません。',
  changedData: '変更後の内容',
  outcome: {
    DISCLOSED: '開示いたします',
    NOT_HELD: '当社は保有しておりません',
    BY_HAND: '担当者より別途ご回答いたします',
    CHANGED: 'ご請求のとおり変更いたしました',
    UNCHANGED: '変更はございません',
    DELETED: '消去いたしました',
    STOPPED: '停止いたしました',
  },
  itemColumns: ['ご請求の項目', 'ご回答', '内容'],
  period: (from, lastDay) => `対象期間: ${from ?? '記録の初めから'}～${lastDay ?? '本日まで'}`,
  contact: 'お問い合わせ窓口',
  email: 'メールアドレス',
  listSeparator: '、',
  done: {
    AMENDMENT: 'ご請求のとおり、保有個人データを訂正いたしました。',
    ADDITION: 'ご請求のとおり、保有個人データに追加いたしました。',
    DELETION: 'ご請求のとおり、保有個人データを消去いたしました。',
    CESSATION_OF_USE: 'ご請求のとおり、保有個人データの利用を停止いたしました。',
    CESSATION_OF_PROVISION: 'ご請求のとおり、保有個人データの第三者への提供を停止いたしました。',
  },
  provisionsIntro: '第三者提供の記録は次のとおりです。',
  noProvisions: 'お客様の個人データを第三者に提供した記録はありません。',
  provisionColumns: ['提供日', '提供先', '提供した項目', '根拠'],
  purposesIntro: (category) => `当社が保有するご本人の個人データ${category ? `（${category}として取り扱うもの）` : ''}の利用目的は、次のとおりです。`,
  noPurposes: '当社が保有するご本人の個人データについて、現在定めている利用目的はございません。',
  answer: 'ご回答',
  rejected: '誠に恐れ入りますが、次の理由により、ご請求に応じることができません。',
  feeNotRefunded: 'なお、お支払いいただいた手数料は返還いたしかねますので、ご了承ください。',
  closing: '以上',
  field: {
    fullName: '氏名',
    fullNameKana: '氏名（フリガナ）',
    postalCode: '郵便番号',
    postalAddress: '住所',
    phone: '電話番号',
    email: 'メールアドレス',
    company: '勤務先',
    division: '所属部署',
    title: '役職',
    category: '区分',
    restricted: '利用停止',
    provisionStopped: '第三者提供停止',
  },
  category: {
    CUSTOMER: 'お客様',
    BUSINESS_PARTNER_CONTACT: 'お取引先ご担当者',
    SHAREHOLDER: '株主',
    JOB_APPLICANT: '採用応募者',
    EMPLOYEE: '従業員',
  },
  caseType: {
    DISCLOSURE: '開示',
    AMENDMENT: '訂正',
    ADDITION: '追加',
    DELETION: '削除',
    CESSATION_OF_USE: '利用停止',
    CESSATION_OF_PROVISION: '第三者提供の停止',
    DISCLOSURE_OF_PROVISION_RECORDS: '第三者提供記録の開示',
    PURPOSE_NOTIFICATION: '利用目的の通知',
    INQUIRY: 'お問い合わせ',
    COMPLAINT: '苦情',
  },
  reason: {
    IDENTITY_NOT_CONFIRMED: 'ご本人であることが確認できないため（申請書に記載の住所と本人確認書類の住所が一致しない等）',
    PROXY_NOT_CONFIRMED: '代理人による申請において、代理権が確認できないため',
    DOCUMENT_ERRORS_OR_OMISSIONS: '所定の申請書類に不備があったため',
    FEE_MISSING_OR_INSUFFICIENT: '所定の手数料が同封されていない、または不足していたため',
    NO_MATCHING_DATA: 'ご請求の対象が当社の保有個人データに該当しないため',
    HARM_TO_INDIVIDUAL_OR_THIRD_PARTY: 'ご本人または第三者の生命、身体、財産その他の権利利益を害するおそれがあるため',
    SIGNIFICANT_DETRIMENT_TO_OPERATIONS: '当社の業務の適正な実施に著しい支障を及ぼすおそれがあるため',
    VIOLATION_OF_LAWS: '他の法令に違反することとなるため',
    NO_AUTHORITY_AS_SUBCONTRACTOR: '当社が受託者として取り扱っており、開示等の権限を有しないため',
  },
  legalBasis: {
    CONSENT: 'ご本人の同意',
    LAW: '法令に基づく場合',
    PROTECT_LIFE_HEALTH_PROPERTY: '人の生命、身体または財産の保護のため',
    GOVERNMENT_COOPERATION: '国の機関等への協力',
  },
};

const en: LetterWords = {
  title: 'Reply to your request for disclosure, etc.',
  honorific: (name) => name,
  representativeOf: (representative, requester) => `${representative} (representative of ${requester})`,
  date: (day) => englishDate(day),
  intro: (receivedOn, type) => `We reply as follows to your request (${type}) received on ${receivedOn}.`,
  reference: 'Reference',
  requestedItems: 'Items requested',
  heldData: 'Your personal data we hold',
  noDataHeld: 'We hold no personal data about you.',
  changedData: 'The data as it now stands',
  outcome: {
    DISCLOSED: 'Disclosed below',
    NOT_HELD: 'We do not hold this',
    BY_HAND: 'Our staff will answer this separately',
    CHANGED: 'Changed as you requested',
    UNCHANGED: 'No change was needed',
    DELETED: 'Deleted',
    STOPPED: 'Stopped',
  },
  itemColumns: ['Item requested', 'Our answer', 'Content'],
  period: (from, lastDay) => `Period: ${from ?? 'from the first record'} to ${lastDay ?? 'today'}`,
  contact: 'Requests and inquiries',
  email: 'E-mail',
  listSeparator: ', ',
  done: {
    AMENDMENT: 'We have corrected your personal data as you requested.',
    ADDITION: 'We have added to your personal data as you requested.',
    DELETION: 'We have deleted your personal data as you requested.',
    CESSATION_OF_USE: 'We have stopped using your personal data as you requested.',
    CESSATION_OF_PROVISION: 'We have stopped providing your personal data to third parties as you requested.',
  },
  provisionsIntro: 'Our records of providing your personal data to third parties:',
  noProvisions: 'We have no record of providing your personal data to a third party.',
  provisionColumns: ['Date', 'Recipient', 'Items provided', 'Legal basis'],
  purposesIntro: (category) => `We use the personal data we hold about you${category ? ` (as ${category.toLowerCase()})` : ''} for the following purposes:`,
  noPurposes: 'No purpose of use is currently set for the personal data we hold about you.',
  answer: 'Our answer',
  rejected: 'We regret that we cannot comply with your request, for the following reasons:',
  feeNotRefunded: 'Please note that the fee paid is not refunded.',
  closing: 'Yours sincerely,',
  field: {
    fullName: 'Name',
    fullNameKana: 'Name (kana reading)',
    postalCode: 'Postal code',
    postalAddress: 'Address',
    phone: 'Telephone',
    email: 'E-mail',
    company: 'Company',
    division: 'Division',
    title: 'Title',
    category: 'Category',
    restricted: 'Use stopped',
    provisionStopped: 'Provision to third parties stopped',
  },
  category: {
    CUSTOMER: 'Customer',
    BUSINESS_PARTNER_CONTACT: 'Business partner contact',
    SHAREHOLDER: 'Shareholder',
    JOB_APPLICANT: 'Job applicant',
    EMPLOYEE: 'Employee',
  },
  caseType: {
    DISCLOSURE: 'disclosure',
    AMENDMENT: 'amendment',
    ADDITION: 'addition',
    DELETION: 'deletion',
    CESSATION_OF_USE: 'cessation of use',
    CESSATION_OF_PROVISION: 'cessation of provision to third parties',
    DISCLOSURE_OF_PROVISION_RECORDS: 'disclosure of third-party provision records',
    PURPOSE_NOTIFICATION: 'notification of the purposes of use',
    INQUIRY: 'inquiry',
    COMPLAINT: 'complaint',
  },
  reason: {
    IDENTITY_NOT_CONFIRMED: 'Your identity could not be confirmed (for example, the addresses given do not agree).',
    PROXY_NOT_CONFIRMED: 'The representative’s authority could not be confirmed.',
    DOCUMENT_ERRORS_OR_OMISSIONS: 'The documents submitted contain errors or omissions.',
    FEE_MISSING_OR_INSUFFICIENT: 'The fee was missing or insufficient.',
    NO_MATCHING_DATA: 'The request does not match any personal data we hold.',
    HARM_TO_INDIVIDUAL_OR_THIRD_PARTY: 'Disclosure could harm the life, health, property or other rights of you or a third party.',
    SIGNIFICANT_DETRIMENT_TO_OPERATIONS: 'Disclosure could significantly impede the proper conduct of our business.',
    VIOLATION_OF_LAWS: 'Disclosure would violate other laws.',
    NO_AUTHORITY_AS_SUBCONTRACTOR: 'We handle this data only as a subcontractor, without authority over it.',
  },
  legalBasis: {
    CONSENT: 'Your consent',
    LAW: 'Required by law',
    PROTECT_LIFE_HEALTH_PROPERTY: 'Protection of life, health or property',
    GOVERNMENT_COOPERATION: 'Cooperation with a public body',
  },
};

export const LETTER_WORDS: Record<LetterLanguage, LetterWords> = { ja, en };
