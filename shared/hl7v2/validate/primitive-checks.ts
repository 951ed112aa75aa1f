import { V2_DT, V2_DTM, V2_TM } from '../datetime';

const NM = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const SI = /^\d+$/;

/** Why a value is not a valid instance of a primitive type; undefined when it is (or unchecked). */
export function primitiveProblem(type: string, value: string): string | undefined {
  switch (type) {
    case 'NM':
      return NM.test(value) ? undefined : `"${value}" is not a number (NM)`;
    case 'SI':
      return SI.test(value) ? undefined : `"${value}" is not a sequence ID (SI, a non-negative integer)`;
    case 'DTM':
      return V2_DTM.test(value) ? undefined : `"${value}" is not a date/time (DTM: YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ])`;
    case 'DT':
      return V2_DT.test(value) ? undefined : `"${value}" is not a date (DT: YYYY[MM[DD]])`;
    case 'TM':
      return V2_TM.test(value) ? undefined : `"${value}" is not a time (TM: HH[MM[SS[.S]]][+/-ZZZZ])`;
    default:
      return undefined;
  }
}
