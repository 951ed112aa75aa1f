/** Optionality codes of the standard: Required, Optional, Conditional, Backward compatible, not Supported. */
export type Optionality = 'R' | 'O' | 'C' | 'B' | 'S' | 'X';

/** [name, min, max (0 = unbounded), children when a group]; a name `A|B` is a choice of segments. */
export type StructureNode =
  | readonly [name: string, min: number, max: number]
  | readonly [name: string, min: number, max: number, children: readonly StructureNode[]];

/** [name, data type, optionality, max repetitions (0 = unbounded), max length (0 = none), table (0 = none)] */
export type FieldTuple = readonly [string, string, string, number, number, number];
/** [name, data type, optionality, max length, table] */
export type ComponentTuple = readonly [string, string, string, number, number];

export interface DictionaryData {
  readonly messages: Readonly<Record<string, readonly StructureNode[]>>;
  readonly segments: Readonly<Record<string, readonly [string, readonly (FieldTuple | null)[]]>>;
  readonly types: Readonly<Record<string, readonly [string, readonly (ComponentTuple | null)[]]>>;
}
