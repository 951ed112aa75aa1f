import { type Er7Message, type Er7Segment, valueAt } from './er7-message';
import { parseEr7 } from './parse';

/** What a sender needs from an acknowledgement (MSA, ERR) to settle a delivery. */
export interface AckSummary {
  /** MSA-1: AA/AE/AR (original mode) or CA/CE/CR (enhanced commit). '' when MSA is missing. */
  readonly code: string;
  /** MSA-2: the MSH-10 being acknowledged. */
  readonly controlId: string;
  readonly text: string;
  /** MSH-10 of the ACK itself. */
  readonly ackControlId: string;
  readonly errors: readonly AckError[];
  readonly message: Er7Message;
}

export interface AckError {
  /** ERR-2 (ERL) as sent, e.g. `PID^1^3`. */
  readonly location: string;
  /** ERR-3.1, table 0357 (e.g. 101 required field missing). */
  readonly code: string;
  readonly codeText: string;
  /** ERR-4, table 0516: E / W / I. */
  readonly severity: string;
  readonly diagnostic: string;
  readonly userMessage: string;
  /** ERR-1 (ELD, v2.4 and earlier) when the sender still uses it. */
  readonly legacy: string;
}

/** Parses an ACK; throws Er7ParseError only when the text is not ER7 at all. */
export function readAck(text: string): AckSummary {
  const message = parseEr7(text);
  const first = (name: string) => message.segments.find((s) => s.name === name);
  const msa = first('MSA');
  const msh = first('MSH');
  return {
    code: msa ? valueAt(msa, 1) : '',
    controlId: msa ? valueAt(msa, 2) : '',
    text: msa ? valueAt(msa, 3) : '',
    ackControlId: msh ? valueAt(msh, 10) : '',
    errors: message.segments.filter((s) => s.name === 'ERR').map(readErr),
    message,
  };
}

function readErr(err: Er7Segment): AckError {
  const erl = err.fields[1]?.repetitions[0];
  const location = erl ? erl.components.map((c) => c.subcomponents.map((s) => s.value).join('&')).join('^') : '';
  return {
    location: location.replace(/\^+$/, ''),
    code: valueAt(err, 3, 1),
    codeText: valueAt(err, 3, 2),
    severity: valueAt(err, 4),
    diagnostic: valueAt(err, 7),
    userMessage: valueAt(err, 8),
    legacy: valueAt(err, 1),
  };
}
