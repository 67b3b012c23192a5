import { describe, expect, it } from 'vitest';
import { emailIn, emailsIn, mailDate, nameWithoutEmail } from '../../src/adapters/mail-parts';

describe('emailsIn', () => {
  it('reads a bare address (an email attribute) lower-cased, without scanning', () => {
    expect(emailsIn('Jordan.Buyer@Acme.Example')).toEqual(['jordan.buyer@acme.example']);
    expect(emailIn('dana@northwind.test')).toBe('dana@northwind.test');
  });

  it('finds every address in text, in order, once each', () => {
    expect(emailsIn('To: Jordan <jordan@acme.example>, DANA@northwind.test; jordan@ACME.example')).toEqual(['jordan@acme.example', 'dana@northwind.test']);
    expect(emailIn('From: Jordan Buyer (jordan@acme.example)')).toBe('jordan@acme.example');
  });

  it('takes nothing that is not an address', () => {
    for (const text of ['', 'no address here', 'jordan@', '@acme.example', 'jordan@acme', 'jordan@acme.x', null, undefined]) {
      expect(emailsIn(text), String(text)).toEqual([]);
      expect(emailIn(text), String(text)).toBe('');
    }
  });

  it('gives the same answer for a bare address with or without text around it', () => {
    for (const address of ['a@b.co', 'first.last+tag@sub.domain.example', 'x_y-z@acme-corp.io']) {
      expect(emailsIn(address)).toEqual(emailsIn(` ${address} `));
      expect(emailsIn(address.toUpperCase())).toEqual([address.toLowerCase()]);
    }
  });
});

describe('mailDate and nameWithoutEmail', () => {
  it('drops a leading weekday before a numeric date and tidies spaces', () => {
    expect(mailDate('Thu 9/17/2026\u202f2:52\u00a0PM')).toBe('9/17/2026 2:52 PM');
    expect(mailDate('Tue, Nov 3, 2026, 10:14 AM')).toBe('Tue, Nov 3, 2026, 10:14 AM');
    expect(mailDate('Mi., 4. Nov. 2026, 09:12')).toBe('4. Nov. 2026, 09:12');
    expect(mailDate(null)).toBe('');
  });

  it('keeps the name of a sender line', () => {
    expect(nameWithoutEmail('Jordan Buyer <jordan@acme.example>')).toBe('Jordan Buyer');
  });
});
