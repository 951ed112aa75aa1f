import { describe, expect, it } from 'vitest';
import { readAck } from './ack';
import { DEFAULT_DELIMITERS } from './delimiters';
import { leaf, SegmentBuilder } from './draft';
import { encodeMessage } from './encode';
import { valueAt } from './er7-message';
import { parseEr7 } from './parse';

const l = (text: string, ...from: string[]) => leaf(text, from);

function sample() {
  const msh = new SegmentBuilder('MSH').set(3, [l('APP')]).set(9, [l('ORU'), l('R01'), l('ORU_R01')]).set(10, l('C1')).set(12, l('2.5.1'));
  const pid = new SegmentBuilder('PID')
    .setRepeating(3, [
      [l('123', 'Patient.identifier[0].value'), undefined, undefined, [undefined, l('1.2.3', 'Patient.identifier[0].system'), l('ISO')]],
      [l('456', 'Patient.identifier[1].value')],
    ])
    .set(5, [l('O|Brien', 'Patient.name[0].family'), l('Ann', 'Patient.name[0].given[0]'), undefined, undefined])
    .set(7, l('1980', 'Patient.birthDate'))
    .set(9, [undefined, undefined]); // an all-empty value must not leave delimiters behind
  return encodeMessage([msh.draft, pid.draft], DEFAULT_DELIMITERS);
}

describe('encodeMessage', () => {
  it('writes ER7 with escaping, repetitions, subcomponents and trimmed trailing empties', () => {
    expect(sample().message.text).toBe(
      'MSH|^~\\&|APP||||||ORU^R01^ORU_R01|C1||2.5.1\r' + 'PID|||123^^^&1.2.3&ISO~456||O\\F\\Brien^Ann||1980\r',
    );
  });

  it('names every populated leaf and points at its exact text', () => {
    const { lineage, message } = sample();
    const byName = Object.fromEntries(lineage.map((e) => [e.v2, e]));
    expect(byName['PID-3.4.2']?.fhirPaths).toEqual(['Patient.identifier[0].system']);
    expect(byName['PID-3[2].1']?.fhirPaths).toEqual(['Patient.identifier[1].value']);
    expect(byName['PID-7']?.fhirPaths).toEqual(['Patient.birthDate']);
    const family = byName['PID-5.1'];
    expect(family && message.text.slice(family.start, family.end)).toBe('O\\F\\Brien');
  });

  it('produces the same tree the parser reads back from the text', () => {
    const { message } = sample();
    expect(parseEr7(message.text)).toEqual(message);
  });
});

describe('parseEr7', () => {
  it('takes delimiters from MSH and accepts LF line ends', () => {
    const m = parseEr7('MSH#!@$%#A#B\nPID###x!y%z@w\n');
    expect(m.delimiters).toMatchObject({ field: '#', component: '!', repetition: '@', escape: '$', subcomponent: '%' });
    const pid = m.segments[1];
    expect(pid && valueAt(pid, 3, 2, 2)).toBe('z');
    expect(pid && valueAt(pid, 3, 1, 1, 2)).toBe('w');
  });
  it('numbers MSH fields with the separator as MSH-1', () => {
    const msh = parseEr7('MSH|^~\\&|SEND|FAC|||20240101||ACK^R01^ACK|X1|P|2.5.1\r').segments[0];
    expect(msh && [valueAt(msh, 1), valueAt(msh, 2), valueAt(msh, 3), valueAt(msh, 10)]).toEqual(['|', '^~\\&', 'SEND', 'X1']);
  });
});

describe('readAck', () => {
  it('reads MSA and ERR from an application error', () => {
    const ack = readAck(
      'MSH|^~\\&|EHR|HOSP|SWITCHBOARD|SB|20240301120000-0500||ACK^R01^ACK|A77|P|2.5.1\r' +
        'MSA|AE|SB123|Patient not found\r' +
        'ERR||PID^1^3|204^Unknown key identifier^HL70357|E||||MRN 123 unknown\r',
    );
    expect(ack).toMatchObject({ code: 'AE', controlId: 'SB123', text: 'Patient not found', ackControlId: 'A77' });
    expect(ack.errors).toEqual([
      { location: 'PID^1^3', code: '204', codeText: 'Unknown key identifier', severity: 'E', diagnostic: '', userMessage: 'MRN 123 unknown', legacy: '' },
    ]);
  });
});
