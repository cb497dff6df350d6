import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { dropLeadingDatelines } from './boilerplate.ts';

const run = (html: string): string => {
  const div = new JSDOM(`<div>${html}</div>`).window.document.querySelector('div') as Element;
  dropLeadingDatelines(div);
  return div.innerHTML;
};

describe('datelines at the top of the body', () => {
  const cases: Array<[string, string, string]> = [
    ['BBC video page: <p><time>', '<p><time datetime="2025-11-30">2025年11月30日</time></p><p>正文一</p>', '<p>正文一</p>'],
    ['a date and time', '<div>2023-09-26 14:05</div><p>正文</p>', '<p>正文</p>'],
    ['RFI style with a dash', '<p>26/09/2023 - 14:05</p><p>正文</p>', '<p>正文</p>'],
    ['English date', '<p>30 November 2025</p><p>Text</p>', '<p>Text</p>'],
    ['a sentence that starts with a date stays', '<p>2025年11月30日，台湾宣布增加国防开支。</p>', '<p>2025年11月30日，台湾宣布增加国防开支。</p>'],
    ['a date after the second paragraph stays', '<p>一</p><p>二</p><p>2025年11月30日</p>', '<p>一</p><p>二</p><p>2025年11月30日</p>'],
    ['a caption that is only a date, at the top, goes too', '<figure><figcaption>2025-11-30</figcaption></figure><p>正文</p>', '<figure></figure><p>正文</p>'],
    ['a year alone stays', '<p>2025</p><p>正文</p>', '<p>2025</p><p>正文</p>'],
  ];
  for (const [name, input, output] of cases) test(name, () => assert.equal(run(input), output));
});
