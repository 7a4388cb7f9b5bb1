import { InputError, Problems } from '../errors';
import type { ProblemArgs, ProblemCode } from '../problem-codes';
import { Dec, isDecimalString } from '../money';
import { HALF_WIDTH_KANA } from '../kana';
import { parseDate, type CalendarDate } from '../time';
import { registrationNumberProblem } from './registration-number';
import type { Addressee, BankAccount, MoneyInput, SellerProfile } from './types';

/**
 * Reads a document's input, collecting every problem with its field path; `throwIfAny()` throws one InputError
 * naming them all. Each reader returns a usable placeholder after a problem so checks can go on.
 */
export class InputReader extends Problems {
  text(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(path, 'value.required', 'required text is missing');
      return '';
    }
    return value;
  }

  optionalText(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    return this.text(value, path);
  }

  date(value: unknown, path: string): CalendarDate {
    const date = parseDate(value);
    if (!date) {
      this.add(path, 'date.invalid', 'not a date as YYYY-MM-DD');
      return { year: 1970, month: 1, day: 1 };
    }
    return date;
  }

  decimal(value: unknown, path: string): Dec {
    if (value instanceof Dec) return value;
    if (typeof value === 'number') {
      this.add(path, 'decimal.json_number', 'a JavaScript number; give a decimal string such as "12.5"');
    } else if (!isDecimalString(value)) {
      this.add(path, 'decimal.invalid', 'not a decimal string');
    } else {
      return new Dec(value);
    }
    return new Dec(0);
  }

  /** A whole, non-negative number of yen. */
  yen(value: MoneyInput | unknown, path: string): Dec {
    const d = this.decimal(value, path);
    if (!d.isInteger()) this.add(path, 'amount.not_yen', 'not a whole number of yen');
    else if (d.isNegative()) this.add(path, 'amount.negative', 'negative; must be zero or more');
    return d;
  }

  /** A tax rate between 0 and 1 ("0.10"). */
  rate(value: unknown, path: string): Dec {
    const d = this.decimal(value, path);
    if (d.isNegative() || d.greaterThanOrEqualTo(1))
      this.add(path, 'rate.invalid', 'not a tax rate between 0 and 1 such as "0.10"');
    return d;
  }

  halfWidthKana(value: unknown, path: string): string {
    const text = this.text(value, path);
    if (text !== '' && !HALF_WIDTH_KANA.test(text)) {
      this.add(path, 'kana.not_half_width', 'not half-width kana (ｶﾅ, digits, A-Z, space and ().,-/ only)');
    }
    return text;
  }

  digits(value: unknown, count: number, path: string): string {
    const text = this.text(value, path);
    if (text !== '' && !new RegExp(`^\\d{${count}}$`).test(text))
      this.add(path, 'digits.count', `not ${count} digits`, { count });
    return text;
  }

  /** Records a problem that stops reading here, and throws everything collected so far. */
  fail<C extends ProblemCode>(path: string, code: C, message: string, ...params: ProblemArgs<C>): never {
    this.add(path, code, message, ...params);
    throw new InputError(this.list);
  }
}

export function readAddressee(r: InputReader, value: Addressee | undefined, path: string): Addressee {
  if (!value || typeof value !== 'object') {
    r.add(path, 'value.required', 'required addressee is missing');
    return { kind: 'corporation', name: '' };
  }
  if (value.kind !== 'corporation' && value.kind !== 'individual')
    r.add(`${path}.kind`, 'value.not_one_of', 'not "corporation" or "individual"', {
      options: 'corporation, individual',
    });
  return {
    kind: value.kind,
    name: r.text(value.name, `${path}.name`),
    postalCode: r.optionalText(value.postalCode, `${path}.postalCode`),
    address: r.optionalText(value.address, `${path}.address`),
    department: r.optionalText(value.department, `${path}.department`),
    contactName: r.optionalText(value.contactName, `${path}.contactName`),
  };
}

function readBankAccount(r: InputReader, value: BankAccount | undefined, path: string): void {
  if (!value || typeof value !== 'object') {
    r.add(path, 'value.required', 'required bank account is missing');
    return;
  }
  r.text(value.bankName, `${path}.bankName`);
  r.digits(value.bankCode, 4, `${path}.bankCode`);
  r.text(value.branchName, `${path}.branchName`);
  r.digits(value.branchCode, 3, `${path}.branchCode`);
  if (value.accountType !== 'ordinary' && value.accountType !== 'current') {
    r.add(`${path}.accountType`, 'value.not_one_of', 'not "ordinary" or "current"', { options: 'ordinary, current' });
  }
  r.digits(value.accountNumber, 7, `${path}.accountNumber`);
  r.halfWidthKana(value.accountHolderKana, `${path}.accountHolderKana`);
}

/** Checks the seller profile (R-TAX-4: a registration number, when given, passes its check digit). */
export function readSeller(r: InputReader, value: SellerProfile | undefined, path = 'seller'): SellerProfile {
  if (!value || typeof value !== 'object') {
    return r.fail(path, 'value.required', 'required seller profile is missing');
  }
  r.text(value.name, `${path}.name`);
  r.text(value.address, `${path}.address`);
  r.optionalText(value.postalCode, `${path}.postalCode`);
  r.optionalText(value.phone, `${path}.phone`);
  if (value.registrationNumber !== undefined) {
    const problem = registrationNumberProblem(value.registrationNumber);
    if (problem === 'shape')
      r.add(
        `${path}.registrationNumber`,
        'seller.registration_number_invalid',
        'not a registration number: "T" and 13 digits',
      );
    else if (problem === 'check_digit')
      r.add(
        `${path}.registrationNumber`,
        'seller.registration_number_check_digit',
        'the first digit after "T" is not the check digit of the other twelve (R-TAX-4)',
      );
  }
  (Array.isArray(value.bankAccounts) ? value.bankAccounts : []).forEach((b, i) =>
    readBankAccount(r, b, `${path}.bankAccounts[${i}]`),
  );
  return value;
}
