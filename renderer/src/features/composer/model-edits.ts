import type { SearchEntry, SearchModel, SearchParameterEntry, SearchValue } from '../../../../shared/fhir-search';

/** Small pure edits of the search model, so components only say what the user did. */
export const replaceEntry = (model: SearchModel, index: number, entry: SearchEntry): SearchModel => ({
  ...model,
  parameters: model.parameters.map((e, i) => (i === index ? entry : e)),
});

export const removeEntry = (model: SearchModel, index: number): SearchModel => ({
  ...model,
  parameters: model.parameters.filter((_, i) => i !== index),
});

export const insertEntry = (model: SearchModel, entry: SearchEntry, at = model.parameters.length): SearchModel => ({
  ...model,
  parameters: [...model.parameters.slice(0, at), entry, ...model.parameters.slice(at)],
});

/** An AND repeat: the same parameter (chain and modifier included) with a fresh value. */
export const andRepeat = (entry: SearchParameterEntry, blank: SearchValue): SearchParameterEntry => ({ ...entry, values: [blank] });

export const blankValue = (kind: SearchValue['kind']): SearchValue => {
  switch (kind) {
    case 'token':
      return { kind: 'token', code: '' };
    case 'of-type':
      return { kind: 'of-type', system: '', code: '', value: '' };
    case 'date':
      return { kind: 'date', value: '' };
    case 'number':
      return { kind: 'number', value: '' };
    case 'quantity':
      return { kind: 'quantity', value: '' };
    case 'reference':
      return { kind: 'reference', id: '' };
    case 'composite':
      return { kind: 'composite', parts: [] };
    case 'text':
      return { kind: 'text', value: '' };
    case 'string':
      return { kind: 'string', value: '' };
  }
};
