/** Messages between the JSON tree view and its worker, which holds the parsed document. */

export type JsonNodeKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNodeSummary {
  /** Property name or array index. */
  key: string;
  /** Path from the root as keys, for asking for this node's children. */
  path: (string | number)[];
  kind: JsonNodeKind;
  /** Children count for objects and arrays. */
  size: number;
  /** The value for scalars (strings cut to 500 characters), a short preview for containers. */
  preview: string;
}

export type TreeRequestBody =
  | { type: 'load'; text: string }
  | { type: 'children'; path: (string | number)[]; offset: number; limit: number };

export type TreeRequest = TreeRequestBody & { requestId: number };

export type TreeResponse =
  | { type: 'loaded'; requestId: number; root: JsonNodeSummary }
  | { type: 'children'; requestId: number; children: JsonNodeSummary[]; total: number }
  | { type: 'error'; requestId: number; message: string };
