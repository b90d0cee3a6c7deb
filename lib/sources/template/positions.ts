import type { LineCounter } from 'yaml';

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Where a resource sits in its template: its logical id, and each key under its `Properties`. */
export interface ResourcePositions {
  at: Position;
  /** Keyed by property path below `Properties` (`ConversationLogSettings.AudioLogSettings.0.Destination`). */
  properties: Record<string, Position>;
}

/** Deeper documents are refused: no real template comes close, and the resolver recurses. */
export const MAX_DEPTH = 64;

export function toPosition(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** A key given twice in one mapping: `path` is where (`Resources.Bot`), `line` the second one's line. */
export interface Duplicate {
  key: string;
  path: string;
  line: number;
}
