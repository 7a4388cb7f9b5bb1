import { headlineYen, japaneseDate } from './format';
import { builtDocument, readOpening } from './opening';
import { renderBuilt, type BuiltDocument } from './pdf';
import type { Addressee, MoneyInput, SellerProfile } from './types';

const PREPAID_ID = /^[0-9A-Za-z-]{4,64}$/;

/** プリペイドID発行のお知らせ: the ID code, printed once, with how and until when to register it. */
export interface PrepaidIdNoticeData {
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  addressee: Addressee;
  memberId: string;
  prepaidId: string;
  /** Whole yen of credit. */
  amount: MoneyInput;
  /** The last day to register (R-PRE-5), YYYY-MM-DD, on or after the issue date. */
  registrationDeadline: string;
  /** The statement that was paid for this ID, when there is one. */
  statementNumber?: string;
  notes?: string[];
}

export function buildPrepaidIdNotice(data: PrepaidIdNoticeData, seller: SellerProfile): BuiltDocument {
  const opening = readOpening(data, { path: 'registrationDeadline', value: data.registrationDeadline });
  const { r } = opening;
  const memberId = r.text(data.memberId, 'memberId');
  const prepaidId = r.text(data.prepaidId, 'prepaidId');
  if (prepaidId !== '' && !PREPAID_ID.test(prepaidId))
    r.add('prepaidId', 'prepaid.code_invalid', 'not a prepaid ID (letters, digits and "-")');
  const amount = r.yen(data.amount, 'amount');
  const statementNumber = r.optionalText(data.statementNumber, 'statementNumber');
  const deadlineText = japaneseDate(opening.later!);
  return builtDocument(opening, seller, {
    title: 'プリペイドID発行のお知らせ',
    headerFields: [
      { label: '会員ID', value: memberId },
      ...(statementNumber ? [{ label: '請求書番号', value: statementNumber }] : []),
    ],
    subject: 'プリペイドIDの発行について',
    greeting: 'ご入金を確認いたしました。下記の通りプリペイドIDを発行いたします。',
    headline: { label: 'プリペイド金額', amount: headlineYen(amount), note: '' },
    highlight: {
      label: 'プリペイドID',
      value: prepaidId,
      caption: 'このIDは本書にのみ記載しています。第三者に知られないよう大切に保管してください。',
    },
    blocks: [
      {
        heading: '登録のご案内',
        rows: [
          { label: '登録期限', value: `${deadlineText}まで` },
          { label: '登録できるアカウント', value: `会員ID ${memberId} のクラウドアカウント` },
          { label: '有効期限', value: '登録日から12か月後の同日・同時刻' },
        ],
      },
    ],
    sections: [
      {
        heading: '登録方法',
        lines: [
          '1. コントロールパネルに会員IDでログインします。',
          '2. 「プリペイド」メニューから「プリペイドIDの登録」を選びます。',
          '3. 登録するクラウドアカウントを選び、上記のプリペイドIDを入力して「登録」を押します。',
          '4. 登録した月のご利用料金（月初からの全期間）から充当されます。',
        ],
      },
    ],
    notes: [
      `登録期限（${deadlineText}）を過ぎたプリペイドIDは無効となります。`,
      'プリペイドIDはご購入いただいた会員のクラウドアカウントにのみ登録できます。他の会員への譲渡や、登録後の別アカウントへの移動はできません。',
      '有効期限の時点で残っている残高、およびクラウドアカウントを削除した場合の残高は失効します。',
      ...(data.notes ?? []),
    ],
  });
}

/** Renders the プリペイドID発行のお知らせ as a PDF. */
export function renderPrepaidIdNotice(data: PrepaidIdNoticeData, seller: SellerProfile): Promise<Buffer> {
  return renderBuilt(buildPrepaidIdNotice(data, seller));
}
