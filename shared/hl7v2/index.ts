/** HL7 v2 (ER7) building blocks: model, encoder, parser, ACK reader, v2.5.1 definitions, validator. */
export * from './ack';
export * from './datetime';
export * from './definitions/dictionary';
export type { ComponentTuple, FieldTuple, Optionality, StructureNode } from './definitions/dictionary-types';
export * from './definitions/tables';
export * from './delimiters';
export * from './draft';
export * from './encode';
export * from './er7-message';
export * from './escape';
export * from './location';
export * from './parse';
export type { IssueSeverity, V2Issue } from './validate/issue';
export { validateMessage } from './validate/validate-message';
